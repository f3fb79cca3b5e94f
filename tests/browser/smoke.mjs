#!/usr/bin/env node
// Browser test of the web playground.
//
// Serves public/ on 127.0.0.1 (a free port), opens it in headless Chromium
// through playwright-core and checks: the download budget and the time to
// interactive; the JS API (load an example, step to a point, state());
// typing a program with real keyboard events and its output; a reload
// keeping the program; a share link restoring program, step and panel in
// a new page; the embedded view.  Screenshots go to the artifacts
// directory.  Everything it starts, it stops.
//
//   node tests/browser/smoke.mjs [--artifacts DIR]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const argi = process.argv.indexOf('--artifacts');
const artifacts = argi > 0 ? process.argv[argi + 1] : join(root, 'build', 'artifacts');
const CHROMIUM = process.env.PYLIFE_CHROMIUM ?? '/usr/bin/chromium';

// ImGui 1.86 reads key *states* once a frame: a key pressed and released
// between two frames (a busy machine, a fast test) would be missed, so
// each special key is held across a few frames.  Characters arrive as
// text input events, which are queued and never lost.
async function press(page, keys) {
  const parts = keys.split('+');
  for (const k of parts) await page.keyboard.down(k);
  await page.waitForTimeout(120);
  for (const k of parts.reverse()) await page.keyboard.up(k);
  await page.waitForTimeout(60);
}

async function typeLines(page, text) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]) await page.keyboard.type(lines[i], { delay: 20 });
    if (i + 1 < lines.length) await press(page, 'Enter');
  }
}

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
  await mkdir(artifacts, { recursive: true });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.pylife?.ready || window.pylifeError, null,
                             { timeout: 60000 })
    .catch(() => { throw new Error(`module never became ready\n${logs.join('\n')}`); });
  const error = await page.evaluate(() => window.pylifeError ?? null);
  check(error === null, `page reports no start-up error (${error ?? 'none'})`);
  const readyMs = await page.evaluate(() => window.pylife.readyMs);
  console.log(`  ready after ${Math.round(readyMs)} ms in the page, ${Date.now() - t0} ms wall`);

  check(readyMs < 1500, `interactive within 1.5 s (${Math.round(readyMs)} ms)`);
  // The download budget: .wasm + .js + data.
  let raw = 0, gz = 0;
  for (const f of ['pylife.wasm', 'pylife.js', 'pylife.data']) {
    const bytes = await readFile(join(root, 'public', f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`  download: ${raw} bytes, ${gz} gzipped`);
  check(raw < 3 * 1024 * 1024 && gz < 1024 * 1024, `under 3 MiB (${(raw / 1048576).toFixed(2)}) and 1 MiB gzipped (${(gz / 1048576).toFixed(2)})`);

  const state = await page.evaluate(() => window.pylife.state());
  check(state.stage === 'vm' && state.source_ok === true && state.step === 1,
        `state() reports the welcome program running at step 1 (${JSON.stringify(state).slice(0, 80)}…)`);
  check(state.tokens > 10 && state.ast_ok === true,
        `the core tokenized (${state.tokens} tokens) and parsed the program in the browser`);
  check(state.bytecode_ok === true,
        `the compiler produced the welcome program's code objects (${state.bytecode_note || 'ok'})`);
  const notYet = await page.evaluate(() => {
    window.pylife.load('try:\n    pass\nexcept* ValueError:\n    pass\n');
    return window.pylife.state();
  });
  check(notYet.ast_ok === true && notYet.bytecode_ok === false &&
          notYet.bytecode_note.startsWith('pylife cannot compile TryStar yet'),
        `an uncompiled construct is reported, not miscompiled (${JSON.stringify(notYet.bytecode_note)})`);
  const broken = await page.evaluate(() => {
    window.pylife.load('if x\n    pass\n');
    return window.pylife.state();
  });
  check(broken.ast_ok === false && broken.error.includes("SyntaxError: expected ':'"),
        `a broken program reports CPython's SyntaxError (${JSON.stringify(broken.error)})`);
  await page.evaluate(() => window.pylife.load(
    'def greet(name):\n    return f"Hello, {name}!"\n\nprint(greet("world"))\n'));

  // An example through the JS API, stepped to a chosen point.
  const example = await readFile(join(root, 'public', 'examples', '03_functions.py'), 'utf8');
  const stepped = await page.evaluate((src) => {
    window.pylife.load(src);
    window.pylife.seek(1);
    // Into area(): the first time line 3 runs.
    for (let i = 0; i < 500 && window.pylife.state().line !== 3; i++) window.pylife.step(1);
    return window.pylife.state();
  }, example);
  check(stepped.line === 3 && stepped.frame_names.join(',') === 'area,describe,<module>',
        `stepping reaches area() inside describe() (line ${stepped.line}, frames ${stepped.frame_names})`);
  const mid = await page.evaluate(() => {
    for (let i = 0; i < 10 && window.pylife.state().opname !== 'BINARY_OP'; i++) window.pylife.step(1);
    return window.pylife.state();
  });
  check(mid.opname === 'BINARY_OP' && mid.stack_depth === 2, `BINARY_OP about to take 2 operands (stack ${mid.stack_depth})`);
  const ended = await page.evaluate(() => { window.pylife.seek(1e9); return window.pylife.state(); });
  check(ended.finished && ended.output === '3 x 4 = 12\n5 x 2 = 10\n' && ended.stage === 'termination',
        `the end: output ${JSON.stringify(ended.output)}, exit code ${ended.exit_code}`);
  const back = await page.evaluate(() => { window.pylife.step(-5); return window.pylife.state(); });
  check(!back.finished && back.step === ended.step - 5, `stepping back 5 (step ${back.step})`);
  await page.screenshot({ path: join(artifacts, 'browser-stepped.png') });

  // Typing a program with real keyboard events (into the editor panel).
  await page.evaluate(() => window.pylife.load(''));
  const vp = page.viewportSize();
  await page.mouse.click(vp.width * 0.12, 120);
  await typeLines(page, 'n = 6\nprint(n * 7)\n');
  await page.waitForFunction(() => window.pylife.state().program === 'n = 6\nprint(n * 7)\n', null, { timeout: 10000 })
    .catch(async () => { throw new Error(`typed text never arrived: ${JSON.stringify((await page.evaluate(() => window.pylife.state())).program)}`); });
  // The program runs again once typing pauses; to its end, for the output.
  await page.waitForFunction(() => window.pylife.state().running && window.pylife.state().total > 5, null, { timeout: 10000 });
  await press(page, 'Escape');
  const typed = await page.evaluate(() => { window.pylife.seek(1e9); return window.pylife.state(); });
  check(typed.output === '42\n', `the typed program ran and printed ${JSON.stringify(typed.output)}`);
  await page.screenshot({ path: join(artifacts, 'browser-typed.png') });

  // Paste into the editor: the page's paste event, then ImGui's Ctrl+V.
  await page.evaluate(() => window.pylife.load('x = 1\n'));
  await page.mouse.click(vp.width * 0.12, 140);
  await press(page, 'Control+End');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'print(x + 41)\n');
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await press(page, 'Control+V');
  await page.waitForFunction(() => window.pylife.state().program === 'x = 1\nprint(x + 41)\n', null, { timeout: 5000 })
    .catch(async () => { throw new Error(`paste did not arrive: ${JSON.stringify((await page.evaluate(() => window.pylife.state())).program)}`); });
  check(true, 'text pasted from the clipboard lands in the editor');
  await page.mouse.click(vp.width * 0.5, vp.height - 20);  // leave the editor

  // The program's own modules: a file in the page's memory, imported.
  const imported = await page.evaluate(() => {
    window.pylife.addFile('helper.py', 'def twice(x):\n    return 2 * x\n');
    window.pylife.load('import helper\nprint(helper.twice(21))\n');
    window.pylife.seek(1e9);
    return window.pylife.state();
  });
  check(imported.output === '42\n' && imported.files.length === 1,
        `a program imports its own module from the in-page files (${JSON.stringify(imported.output)})`);
  // Its bytecode is cached in the page's memory: used by the next run,
  // stale once the module is edited.
  const stagesOf = (st) => st.imports.filter((e) => e.name === 'helper').map((e) => e.stage);
  check(stagesOf(imported).includes('cache miss') && stagesOf(imported).includes('cache write'),
        `the first import compiles and caches the module (${stagesOf(imported).join(', ')})`);
  await page.evaluate(() => {
    window.pylife.load('import helper\nprint(helper.twice(21))\n');
    window.pylife.setPanel('Imports');
  });
  // The panel comes to the front at the next frame.
  await page.waitForFunction(() => window.pylife.state().run_view === 'Imports', null, { timeout: 5000 }).catch(() => {});
  const again = await page.evaluate(() => window.pylife.state());
  check(stagesOf(again).includes('cache hit') && again.run_view === 'Imports',
        `the next run uses the cache, shown in the Imports panel (${stagesOf(again).join(', ')})`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artifacts, 'browser-imports.png') });
  await page.evaluate(() => {
    window.pylife.addFile('helper.py', 'def twice(x):\n    return x + x\n');
    window.pylife.setPanel('.pyc');
    window.pylife.seek(1e9);
  });
  await page.waitForFunction(() => window.pylife.state().run_view === '.pyc', null, { timeout: 5000 }).catch(() => {});
  const edited = await page.evaluate(() => window.pylife.state());
  check(stagesOf(edited).includes('cache stale') && edited.output === '42\n' && edited.run_view === '.pyc' &&
          edited.teardown[edited.teardown.length - 1] === 'done',
        `an edited module's cache goes stale and is recompiled (${stagesOf(edited).join(', ')}); teardown ${edited.teardown.join(', ')}`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artifacts, 'browser-pyc.png') });
  await page.evaluate(() => {
    window.pylife.load('n = 6\nprint(n * 7)\n');
  });

  // A reload keeps the program and its files (localStorage).
  await page.waitForTimeout(800);  // the page saves every few frames
  await page.reload();
  await page.waitForFunction(() => window.pylife?.ready, null, { timeout: 60000 });
  const reloaded = await page.evaluate(() => window.pylife.state());
  check(reloaded.files.length === 1 && reloaded.files[0].name === 'helper.py', 'a reload keeps the program\'s files');
  check(reloaded.program === 'n = 6\nprint(n * 7)\n', `a reload keeps the program (${JSON.stringify(reloaded.program).slice(0, 60)}; stored ${JSON.stringify(await page.evaluate(() => localStorage.getItem('pylife.program'))).slice(0, 60)})`);

  // A share link restores the program, the step and the panel.
  const shared = await page.evaluate(async (src) => {
    window.pylife.load(src);
    window.pylife.seek(20);
    window.pylife.setPanel('Heap');
    return { url: await window.pylife.shareUrl(), state: window.pylife.state() };
  }, example);
  check(shared.url.includes('#s=z') || shared.url.includes('#s=r'), `a share link (${shared.url.length} characters)`);
  const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await other.goto(shared.url);
  await other.waitForFunction(() => window.pylife?.ready, null, { timeout: 60000 });
  const restored = await other.evaluate(() => window.pylife.state());
  check(restored.program === example && restored.step === 20 && restored.line === shared.state.line &&
          restored.panel === 'Heap',
        `the link restores program, step ${restored.step} (line ${restored.line}) and panel ${restored.panel}`);
  await other.screenshot({ path: join(artifacts, 'browser-shared.png') });
  await other.close();

  // A HiDPI screen: the canvas has devicePixelRatio pixels per CSS pixel.
  const hidpi = await browser.newPage({ viewport: { width: 800, height: 500 }, deviceScaleFactor: 2 });
  await hidpi.goto(url);
  await hidpi.waitForFunction(() => window.pylife?.ready, null, { timeout: 60000 });
  await hidpi.waitForTimeout(300);
  const ratio = await hidpi.evaluate(() => {
    const c = document.getElementById('canvas');
    return c.width / c.clientWidth;
  });
  check(ratio === 2, `the canvas follows devicePixelRatio (${ratio} device pixels per CSS pixel)`);
  await hidpi.screenshot({ path: join(artifacts, 'browser-hidpi.png') });
  await hidpi.close();

  // The embedded view: compact and read-only.
  const embed = await browser.newPage({ viewport: { width: 900, height: 500 } });
  await embed.goto(shared.url.replace('#', '?embed=1#'));
  await embed.waitForFunction(() => window.pylife?.ready, null, { timeout: 60000 });
  const embedded = await embed.evaluate(() => window.pylife.state());
  check(embedded.embed === true && embedded.step === 20, `?embed=1 shows the compact view at step ${embedded.step}`);
  await embed.screenshot({ path: join(artifacts, 'browser-embed.png') });
  await embed.close();

  // The memory lifecycle: a cycle freed by gc.collect(), the GC panel,
  // and "Collect now" recorded into the run.
  const cycle = await readFile(join(root, 'public', 'examples', '09_reference_cycle.py'), 'utf8');
  const collected = await page.evaluate((src) => {
    window.pylife.load(src);
    window.pylife.setPanel('GC');
    window.pylife.seek(1e9);
    return window.pylife.state();
  }, cycle);
  check(collected.output.endsWith('the collector freed 2 objects\n') && collected.gc.collections >= 2,
        `gc.collect() frees the cycle in the browser (${JSON.stringify(collected.output.slice(-32))}, ${collected.gc.collections} collections)`);
  const afterCollect = await page.evaluate(() => {
    window.pylife.seek(1);
    for (let i = 0; i < 2000 && !(window.pylife.state().gc.shown && window.pylife.state().gc.shown.collected === 2); i++) {
      window.pylife.step(1);
    }
    return window.pylife.state();
  });
  check(afterCollect.gc.shown && afterCollect.gc.shown.collected === 2 && afterCollect.gc.shown.objects > 2 &&
          afterCollect.memory_view === 'GC' && afterCollect.gc.arenas >= 1,
        `the GC panel shows the collection, object by object (${JSON.stringify(afterCollect.gc)})`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artifacts, 'browser-gc.png') });
  const requested = await page.evaluate(() => {
    window.pylife.load('class D:\n    def __del__(self):\n        print("freed")\n\nd = D()\nd.me = d\ndel d\nprint("end")\n');
    for (let i = 0; i < 200 && window.pylife.state().line !== 8; i++) window.pylife.step(1);
    window.pylife.collectNow();
    window.pylife.seek(1e9);
    return window.pylife.state();
  });
  check(requested.output === 'freed\nend\n', `Collect now runs the finalizer before line 8 (${JSON.stringify(requested.output)})`);
  // Ctrl-C in the timeline: KeyboardInterrupt before the step on screen.
  const interrupted = await page.evaluate(() => {
    window.pylife.load('n = 0\ntry:\n    while n < 100000:\n        n += 1\nexcept KeyboardInterrupt:\n    print("stopped")\n');
    window.pylife.seek(40);
    window.pylife.interruptNow();
    window.pylife.seek(1e9);
    return window.pylife.state();
  });
  check(interrupted.output === 'stopped\n' && interrupted.exit_code === 0 && interrupted.teardown.length > 0,
        `Ctrl-C raises KeyboardInterrupt in the running program (${JSON.stringify(interrupted.output)})`);
  await page.evaluate(() => window.pylife.setPanel('Heap'));
  await page.evaluate(() => window.pylife.load(
    'def greet(name):\n    return f"Hello, {name}!"\n\nprint(greet("world"))\n'));

  // Let a few more frames draw, then look at the canvas.
  await page.waitForFunction(() => window.pylife.state().frames >= 10, null, { timeout: 10000 });
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
