#!/usr/bin/env node
// Browser smoke test of the web playground.
//
// Serves public/ on 127.0.0.1 (a free port), opens it in headless Chromium
// through playwright-core, waits for the wasm module to report ready, saves
// a screenshot, and fails if the module never becomes ready or the canvas
// is blank.  Everything it starts, it stops.
//
//   node tests/browser/smoke.mjs [--artifacts DIR]
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const argi = process.argv.indexOf('--artifacts');
const artifacts = argi > 0 ? process.argv[argi + 1] : join(root, 'build', 'artifacts');
const CHROMIUM = process.env.PYLIFE_CHROMIUM ?? '/usr/bin/chromium';

function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`  ok: ${message}`);
}

const server = await serve({ root: join(root, 'public'), port: 0 });
const url = `http://127.0.0.1:${server.address().port}/`;
let browser;
let failed = false;
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const logs = [];
  page.on('console', (m) => logs.push(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));

  console.log(`browser smoke test: ${url}`);
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.pylife?.ready || window.pylifeError, null,
                             { timeout: 60000 })
    .catch(() => { throw new Error(`module never became ready\n${logs.join('\n')}`); });
  const error = await page.evaluate(() => window.pylifeError ?? null);
  check(error === null, `page reports no start-up error (${error ?? 'none'})`);
  const readyMs = await page.evaluate(() => window.pylife.readyMs);
  console.log(`  ready after ${Math.round(readyMs)} ms in the page, ${Date.now() - t0} ms wall`);

  const state = await page.evaluate(() => window.pylife.state());
  check(state.stage === 'source' && state.source_ok === true,
        `state() reports the source stage and a decoded program (${JSON.stringify(state).slice(0, 80)}…)`);
  check(state.tokens > 10 && state.ast_ok === true,
        `the core tokenized (${state.tokens} tokens) and parsed the program in the browser`);
  check(state.bytecode_ok === true,
        `the compiler produced the welcome program's code objects (${state.bytecode_note || 'ok'})`);
  const notYet = await page.evaluate(() => {
    window.pylife.load('match 1:\n    case 1:\n        pass\n');
    return window.pylife.state();
  });
  check(notYet.ast_ok === true && notYet.bytecode_ok === false &&
          notYet.bytecode_note.startsWith('pylife cannot compile Match yet'),
        `an uncompiled construct is reported, not miscompiled (${JSON.stringify(notYet.bytecode_note)})`);
  const broken = await page.evaluate(() => {
    window.pylife.load('if x\n    pass\n');
    return window.pylife.state();
  });
  check(broken.ast_ok === false && broken.error.includes("SyntaxError: expected ':'"),
        `a broken program reports CPython's SyntaxError (${JSON.stringify(broken.error)})`);
  await page.evaluate(() => window.pylife.load(
    'def greet(name):\n    return f"Hello, {name}!"\n\nprint(greet("world"))\n'));

  // Let a few more frames draw, then look at the canvas.
  await page.waitForFunction(() => window.pylife.state().frames >= 10, null, { timeout: 10000 });
  await mkdir(artifacts, { recursive: true });
  const shot = join(artifacts, 'browser-smoke.png');
  await page.screenshot({ path: shot });
  console.log(`  screenshot: ${shot}`);

  const canvasPng = await page.locator('#canvas').screenshot();
  const stats = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let bright = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (d[i] + d[i + 1] + d[i + 2] > 500) bright++;
    }
    return { width: c.width, height: c.height, colours: colours.size, bright };
  }, canvasPng.toString('base64'));
  check(stats.width > 0 && stats.height > 0, `canvas has a size (${stats.width}x${stats.height})`);
  check(stats.colours >= 16, `canvas is not blank (${stats.colours} distinct colours sampled)`);
  check(stats.bright >= 50, `canvas shows text (${stats.bright} bright pixels sampled)`);
  await writeFile(join(artifacts, 'browser-smoke.log'), logs.join('\n') + '\n');
} catch (err) {
  failed = true;
  console.error(`browser smoke test FAILED: ${err.message}`);
} finally {
  await browser?.close();
  await new Promise((ok) => server.close(ok));
}
process.exit(failed ? 1 : 0);
