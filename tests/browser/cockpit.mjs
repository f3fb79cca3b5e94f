#!/usr/bin/env node
// Browser test of the learner's cockpit, driven as a learner drives it:
// the page at the five window sizes (1024x768 to 4K) in both themes, the
// theme switched and the UI scaled by clicking the bar's own buttons (real
// mouse events at the rectangles the app reports), every control of the
// top bar and the timeline checked to lie inside the window (the app's
// layout report, as for the desktop); line steps that are exactly CPython's
// sys.settrace events; auto-indent and Tab with real key presses; a paste
// from the system clipboard (permissions granted, no synthetic event);
// input() answered in the Output panel; the heap pictures of tests/heap.  Screenshots in the artifacts
// directory.  Everything it starts, it stops.
//
//   node tests/browser/cockpit.mjs [--artifacts DIR]
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const argi = process.argv.indexOf('--artifacts');
const artifacts = argi > 0 ? process.argv[argi + 1] : join(root, 'build', 'artifacts');
const CHROMIUM = process.env.PYLIFE_CHROMIUM ?? '/usr/bin/chromium';

// ImGui reads key states once a frame: special keys are held a while.
async function press(page, keys) {
  const parts = keys.split('+');
  for (const k of parts) await page.keyboard.down(k);
  await page.waitForTimeout(120);
  for (const k of parts.reverse()) await page.keyboard.up(k);
  await page.waitForTimeout(60);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`  ok: ${message}`);
}

const state = (page) => page.evaluate(() => window.pylife.state());
const frames = async (page, n) => {
  const start = (await state(page)).frames;
  await page.waitForFunction((f) => window.pylife.state().frames >= f, start + n, { timeout: 20000 });
};

// Clicks the bar control [name] where the app drew it (CSS pixels).
async function click(page, name) {
  const item = (await state(page)).layout.items.find((i) => i.name === name);
  if (!item) throw new Error(`no control named ${name}`);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  await frames(page, 3);
}

// Every bar control inside the window, none over another, the ones a
// learner needs all there.
function layoutProblems(layout, width, height) {
  layout = { items: layout.items.filter((i) => i.name !== 'caption' && i.name !== 'lesson panel') };
  const must = ['Source', 'VM', 'Share', 'Examples', 'A+', 'A-', 'Reset layout', 'status', '|<', 'Back', 'Into',
                'Next line', 'Out', 'Continue', '>|', 'timeline', 'counter'];
  const problems = [];
  for (const name of must) if (!layout.items.some((i) => i.name === name)) problems.push(`${name} not drawn`);
  if (!layout.items.some((i) => i.name === 'Light' || i.name === 'Dark')) problems.push('no theme switch');
  for (const i of layout.items) {
    if (i.x < -0.5 || i.y < -0.5 || i.x + i.w > width + 0.5 || i.y + i.h > height + 0.5) {
      problems.push(`${i.name} at (${i.x},${i.y}) ${i.w}x${i.h} is outside ${width}x${height}`);
    }
  }
  for (let a = 0; a < layout.items.length; a++) {
    for (let b = a + 1; b < layout.items.length; b++) {
      const p = layout.items[a], q = layout.items[b];
      const ox = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
      const oy = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
      if (ox > 1 && oy > 1) problems.push(`${p.name} overlaps ${q.name}`);
    }
  }
  return problems;
}

const server = await serve({ root: join(root, 'public'), port: 0 });
const url = `http://127.0.0.1:${server.address().port}/`;
let browser;
let failed = false;
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--no-first-run', '--disable-quic', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
  const page = await context.newPage();
  const logs = [];
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  const fontRequests = [];
  page.on('request', (r) => { if (r.url().includes('/fonts/fallback')) fontRequests.push(r.url()); });
  console.log(`browser cockpit test: ${url}`);
  await mkdir(artifacts, { recursive: true });
  await page.goto(url);
  await page.waitForFunction(() => window.pylife?.ready || window.pylifeError, null, { timeout: 60000 })
    .catch(() => { throw new Error(`module never became ready\n${logs.join('\n')}`); });
  const example = await readFile(join(root, 'public', 'examples', '03_functions.py'), 'utf8');
  await page.evaluate((src) => window.pylife.load(src), example);

  // Line steps: exactly the events CPython's sys.settrace reports.
  const golden = (await readFile(join(root, 'tests', 'golden', 'examples', '03_functions.lines'), 'utf8'))
    .trimEnd().split('\n');
  const walked = await page.evaluate(() => {
    const seen = [];
    let s = window.pylife.state();
    const n = s.length;
    for (let k = 0; k < n; k++) {
      s = window.pylife.state();
      seen.push({ event: s.event, position: s.position, length: s.length });
      window.pylife.lineStep(1);
    }
    return seen;
  });
  check(walked.length === golden.length && walked.every((w, k) => w.event === golden[k] && w.position === k + 1),
        `the ${walked.length} line steps are sys.settrace's ${golden.length} events, "step k of N" agreeing ` +
        `(first: ${walked[0]?.event}, last: ${walked.at(-1)?.event})`);
  await page.evaluate(() => { window.pylife.lineStep(-1000); window.pylife.lineStep(7); });
  const seventh = await state(page);
  check(seventh.by_line && seventh.position === 8 && seventh.next_line > 0 && seventh.narration.length > 0,
        `at step 8: line ${seventh.next_line} next, ${seventh.last_line} just ran: "${seventh.narration}"`);

  // Every size, both themes: the bars' controls inside the window.
  const sizes = [[1024, 768], [1280, 720], [1366, 768], [1920, 1080], [3840, 2160]];
  for (const theme of ['dark', 'light']) {
    for (const [w, h] of sizes) {
      await page.setViewportSize({ width: w, height: h });
      await frames(page, 4);
      let s = await state(page);
      if (s.light !== (theme === 'light')) {
        await click(page, s.light ? 'Dark' : 'Light');  // a real click on the bar's button
        s = await state(page);
      }
      const problems = layoutProblems(s.layout, w, h);
      check(s.light === (theme === 'light') && problems.length === 0,
            `${w}x${h}, ${theme}: ${s.layout.items.length} controls inside the window${problems.length ? ': ' + problems.join('; ') : ''}`);
      if (w <= 1366 || w === 3840) await page.screenshot({ path: join(artifacts, `browser-${theme}-${w}x${h}.png`) });
    }
  }
  // The UI scale: A+ by mouse, fonts rasterised again, still all inside.
  await page.setViewportSize({ width: 1366, height: 768 });
  await frames(page, 3);
  await click(page, 'A+');
  await click(page, 'A+');
  await frames(page, 3);
  const scaled = await state(page);
  const scaledProblems = layoutProblems(scaled.layout, 1366, 768);
  check(scaled.scale > 1.3 && scaledProblems.length === 0,
        `A+ twice: scale ${scaled.scale.toFixed(2)}, every control still inside${scaledProblems.length ? ': ' + scaledProblems.join('; ') : ''}`);
  await page.screenshot({ path: join(artifacts, 'browser-scaled-1366x768.png') });
  await click(page, 'A-');
  await click(page, 'A-');
  await click(page, 'Dark');

  // The editor: auto-indent and Tab with real keys.
  await page.evaluate(() => window.pylife.load(''));
  await frames(page, 3);
  const vp = page.viewportSize();
  await page.mouse.click(vp.width * 0.2, 130);
  await page.keyboard.type('def f(x):', { delay: 20 });
  await press(page, 'Enter');
  await page.keyboard.type('if x:', { delay: 20 });
  await press(page, 'Enter');
  await page.keyboard.type('return 1', { delay: 20 });
  await press(page, 'Enter');
  await page.keyboard.type('return 2', { delay: 20 });
  await page.waitForFunction(() => window.pylife.state().program.endsWith('return 2'), null, { timeout: 5000 }).catch(() => {});
  const indented = (await state(page)).program;
  check(indented === 'def f(x):\n    if x:\n        return 1\n    return 2',
        `Enter indents after ':' and dedents after return (${JSON.stringify(indented)})`);
  await press(page, 'Home');
  await press(page, 'Tab');
  await frames(page, 2);
  const tabbed = (await state(page)).program;
  check(tabbed.endsWith('\n        return 2') && !tabbed.includes('\t'), `Tab indents by four spaces (${JSON.stringify(tabbed.slice(-20))})`);

  // A paste from the system clipboard: the page's own clipboard API
  // wrote it (permission granted), Ctrl+V is a real key press.
  await page.evaluate(() => window.pylife.load('x = 1\n'));
  await frames(page, 3);
  await page.mouse.click(vp.width * 0.2, 130);
  await press(page, 'Control+End');
  await page.evaluate(() => navigator.clipboard.writeText('print(x + 41)\n'));
  await press(page, 'Control+V');
  await page.waitForFunction(() => window.pylife.state().program === 'x = 1\nprint(x + 41)\n', null, { timeout: 5000 })
    .catch(() => {});
  const pasted = (await state(page)).program;
  check(pasted === 'x = 1\nprint(x + 41)\n', `the system clipboard's text pasted with Ctrl+V (${JSON.stringify(pasted)})`);
  // And Ctrl+Z takes the whole paste back.
  await press(page, 'Control+Z');
  await frames(page, 2);
  const undone = (await state(page)).program;
  check(undone === 'x = 1\n', `Ctrl+Z undoes the paste at once (${JSON.stringify(undone)})`);
  // Copy: Ctrl+A, Ctrl+C put the editor's text on the system clipboard.
  await press(page, 'Control+A');
  await press(page, 'Control+C');
  await page.waitForTimeout(300);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  check(copied === 'x = 1\n', `Ctrl+C copies to the system clipboard (${JSON.stringify(copied)})`);
  await page.mouse.click(vp.width * 0.7, vp.height - 10);  // leave the editor

  // input(): the run waits at the line (no EOFError), the answer typed
  // in the Output panel is echoed after the prompt.
  await page.evaluate(() => window.pylife.load("name = input('Your name? ')\nprint('Hello,', name)\n"));
  await frames(page, 3);
  await page.evaluate(() => window.pylife.lineStep(100));
  await frames(page, 3);
  const waiting = await state(page);
  check(waiting.waiting_for_input && !waiting.narration.includes('EOFError') && waiting.narration.includes('input()'),
        `input() waits: "${waiting.narration}"`);
  await page.screenshot({ path: join(artifacts, 'browser-input.png') });
  // The Output panel's field, after the prompt.
  await click(page, 'input');
  await page.keyboard.type('Ada', { delay: 20 });
  await press(page, 'Enter');
  await page.waitForFunction(() => !window.pylife.state().waiting_for_input, null, { timeout: 5000 }).catch(() => {});
  const answered = await page.evaluate(() => { window.pylife.seek(1e9); return window.pylife.state(); });
  check(answered.output === 'Your name? Ada\nHello, Ada\n', `the answer is echoed after the prompt (${JSON.stringify(answered.output)})`);
  // Answers given up front: the Output panel's input box, typed with
  // real keys; the run reads them from the start and does not wait.
  await page.evaluate(() => window.pylife.load("a = input('a? ')\nb = input('b? ')\nprint(a, b)\n"));
  await frames(page, 3);
  await click(page, 'stdin toggle');
  await click(page, 'stdin box');
  await page.keyboard.type('Ada', { delay: 20 });
  await press(page, 'Enter');
  await page.keyboard.type('Bob', { delay: 20 });
  await page.mouse.click(vp.width * 0.7, vp.height - 10);  // leave the box
  await frames(page, 3);
  const given = await page.evaluate(() => { window.pylife.seek(1e9); return window.pylife.state(); });
  check(!given.waiting_for_input && given.output === 'a? Ada\nb? Bob\nAda Bob\n',
        `input lines given up front are read from the start (${JSON.stringify(given.output)})`);
  await page.screenshot({ path: join(artifacts, 'browser-stdin.png') });
  await click(page, 'stdin toggle');
  // Text in other scripts: each fallback font (other alphabets, CJK,
  // symbols and emoji) is fetched only once the text needs it, then merged
  // (CJK two cells wide).
  check(fontRequests.length === 0, `no fallback font fetched for ASCII programs (${fontRequests.length})`);
  await page.evaluate(() => window.pylife.load('print("Привет")\n'));
  await page.waitForFunction(() => window.pylifeFontsLoaded === 1 && window.pylife.state().glyphs.fallback_fonts === 1,
                             null, { timeout: 20000 }).catch(() => {});
  check(fontRequests.length === 1 && fontRequests[0].endsWith('/fonts/fallback-mono.ttf'),
        `Cyrillic fetches DejaVu Sans Mono's other alphabets only (${fontRequests.map((u) => u.split('/').pop())})`);
  const unicode = await readFile(join(root, 'public', 'examples', '17_unicode.py'), 'utf8');
  await page.evaluate((src) => { window.pylife.load(src); window.pylife.seek(1e9); }, unicode);
  await page.waitForFunction(() => window.pylifeFontsLoaded === 3 && window.pylife.state().glyphs.fallback_fonts === 3,
                             null, { timeout: 30000 }).catch(() => {});
  await frames(page, 3);
  const glyphs = (await state(page)).glyphs;
  check(glyphs.fallback_fonts === 3 && glyphs.extra === 15 && fontRequests.length === 3,
        `Привет, 你好, こんにちは and 👋🌍 drawn from the fallback fonts (${glyphs.extra} glyphs, ` +
        `${glyphs.fallback_fonts} fonts, ${fontRequests.length} fetched)`);
  await page.screenshot({ path: join(artifacts, 'browser-unicode.png') });

  // Remembered: a panel moved by the mouse, the UI scale and the theme
  // are there again after a reload; Reset layout puts the panel back.
  await page.evaluate(() => window.pylife.load('print("hello")\n'));
  await frames(page, 3);
  const panel = (s, name) => s.layout.panels.find((p) => p.name === name);
  const before = panel(await state(page), 'Output');
  await page.mouse.move(before.x + 80, before.y + 8);
  await page.mouse.down();
  await page.mouse.move(before.x + 80, before.y + 8 - 120, { steps: 8 });
  await page.mouse.up();
  await click(page, 'A+');
  await click(page, 'Light');
  await frames(page, 40);  // kept every 30 frames
  const moved = panel(await state(page), 'Output');
  await page.reload();
  await page.waitForFunction(() => window.pylife?.ready, null, { timeout: 60000 });
  await frames(page, 5);
  const reloaded = await state(page);
  const again = panel(reloaded, 'Output');
  check(Math.abs(moved.y - (before.y - 120)) < 3 && again && Math.abs(again.y - moved.y) < 3 &&
        Math.abs(again.x - moved.x) < 3 && reloaded.scale > 1.1 && reloaded.light,
        `after a reload: the Output panel where the mouse put it (y ${before.y.toFixed(0)} -> ${moved.y.toFixed(0)} -> ` +
        `${again?.y.toFixed(0)}), scale ${reloaded.scale.toFixed(2)}, the light theme`);
  await click(page, 'Reset layout');
  await click(page, 'A-');
  await click(page, 'Dark');
  await frames(page, 40);
  const reset = panel(await state(page), 'Output');
  check(Math.abs(reset.y - before.y) < 3 && Math.abs(reset.h - before.h) < 3,
        `Reset layout puts it back (y ${reset.y.toFixed(0)})`);

  // The heap as a teacher draws it (tests/heap/): the Heap panel draws the
  // boxes and arrows `pylife heap` counts at that line step (the desktop's
  // desktop_heap test checks the same), a screenshot of each.
  await page.setViewportSize({ width: 1366, height: 768 });
  const pictures = [['dict', 15, 2, 2, 0], ['classes', 27, 5, 6, 0], ['linked_list', 40, 7, 7, 0],
                    ['recursion', 18, 1, 1, 0], ['list500', 508, 2, 2, 1]];
  for (const [name, step, boxes, arrows, folded] of pictures) {
    const src = await readFile(join(root, 'tests', 'heap', `${name}.py`), 'utf8');
    await page.evaluate(([text, k]) => { window.pylife.load(text); window.pylife.lineStep(-1e9); window.pylife.lineStep(k - 1); },
                        [src, step]);
    await frames(page, 4);
    const s = await state(page);
    const heap = s.layout.heap;
    check(s.position === step && heap.boxes === boxes && heap.arrows === arrows && heap.folded === folded,
          `heap of ${name}.py at step ${s.position}: ${heap.boxes} boxes, ${heap.arrows} arrows, ${heap.folded} folded`);
    await page.screenshot({ path: join(artifacts, `browser-heap-${name}.png`) });
    if (name === 'dict') {
      // A click on a box's head folds it to "... N more"; another unfolds it.
      await page.mouse.click(heap.head[0], heap.head[1]);
      await frames(page, 3);
      const folded = (await state(page)).layout.heap;
      await page.mouse.click(folded.head[0], folded.head[1]);
      await frames(page, 3);
      const unfolded = (await state(page)).layout.heap;
      check(folded.folded === 1 && unfolded.folded === 0, `a click on the dict's head folds it (${folded.folded} folded), another unfolds it (${unfolded.folded})`);
      // Find, typed with the keyboard: "bread" is a key of one dict.
      const find = (await state(page)).layout.items.find((i) => i.name === 'heap find');
      await page.mouse.click(find.x + find.w / 2, find.y + find.h / 2);
      await page.keyboard.type('bread', { delay: 30 });
      await frames(page, 3);
      const found = (await state(page)).layout.heap.found;
      for (let c = 0; c < 5; c++) await press(page, 'Backspace');
      await frames(page, 3);
      check(found === 1 && (await state(page)).layout.heap.found === 0, `Find "bread" outlines the one dict with that key (${found}), cleared none`);
    }
  }
  // The panel's two switches, clicked: values as objects (two names, one
  // box), references as #ids (no arrows); a share link keeps both.
  await page.evaluate(() => { window.pylife.load('a = 256\nb = a\nnums = [a, 7, 7]\nprint(a is b)\n'); window.pylife.lineStep(-1e9); window.pylife.lineStep(4); });
  await frames(page, 4);
  const inlineHeap = (await state(page)).layout.heap;
  await click(page, 'heap values');
  await frames(page, 3);
  const objectsHeap = (await state(page)).layout.heap;
  check((await state(page)).heap_objects && inlineHeap.boxes === 1 && objectsHeap.boxes === 3,
        `"Values: objects": 256 and 7 get boxes of their own (${inlineHeap.boxes} -> ${objectsHeap.boxes} boxes)`);
  await click(page, 'heap references');
  await frames(page, 3);
  await page.screenshot({ path: join(artifacts, 'browser-heap-identity.png') });
  const shared = await page.evaluate(() => window.pylife.shareUrl());
  const sharedPage = await context.newPage();
  await sharedPage.goto(shared);
  await sharedPage.waitForFunction(() => window.pylife?.ready && window.pylife.state().position > 1, null, { timeout: 60000 });
  await frames(sharedPage, 3);
  const restored = await state(sharedPage);
  check(restored.heap_objects && restored.heap_ids && restored.layout.heap.boxes === 3,
        `the share link keeps "Values: objects" and "References: #ids" (${restored.layout.heap.boxes} boxes)`);
  await sharedPage.close();
  await click(page, 'heap values');
  await click(page, 'heap references');
  // Fit: the linked list, wider than the panel, drawn whole inside it.
  const chain = await readFile(join(root, 'tests', 'heap', 'linked_list.py'), 'utf8');
  await page.evaluate((text) => { window.pylife.load(text); window.pylife.lineStep(-1e9); window.pylife.lineStep(39); }, chain);
  await frames(page, 4);
  const wide = await state(page);
  const heapPanel = wide.layout.panels.find((p) => p.name === 'Heap');
  await click(page, 'heap fit');
  await frames(page, 3);
  const fitted = await state(page);
  check(heapPanel && wide.layout.heap.w > heapPanel.w && fitted.layout.heap.w <= heapPanel.w && fitted.layout.heap.h <= heapPanel.h,
        `Fit: the ${wide.layout.heap.w.toFixed(0)}-pixel-wide linked list drawn ${fitted.layout.heap.w.toFixed(0)} wide ` +
        `in the ${heapPanel?.w.toFixed(0)}-pixel Heap panel`);
  await page.screenshot({ path: join(artifacts, 'browser-heap-fit.png') });
  await click(page, 'heap fit');

  // Lessons in the page: ?lesson=NAME opens one; every lesson of
  // public/lessons opens and is walked stop by stop with the keyboard
  // (Enter), the caption beside the panel it explains, never over it.
  const { readdir } = await import('node:fs/promises');
  const names = (await readdir(join(root, 'public', 'lessons'))).filter((f) => f.endsWith('.lesson')).map((f) => f.slice(0, -7)).sort();
  const lessonPage = await context.newPage();
  lessonPage.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  await lessonPage.goto(`${url}?lesson=${names[0]}`);
  await lessonPage.waitForFunction(() => window.pylife?.ready, null, { timeout: 60000 });
  await frames(lessonPage, 3);
  const opened = await state(lessonPage);
  check(opened.lesson && opened.lesson.stop === 0 && opened.lesson.stops > 1, `?lesson=${names[0]} opens "${opened.lesson?.title}"`);
  await lessonPage.screenshot({ path: join(artifacts, 'browser-lesson.png') });
  for (const name of names) {
    check(await lessonPage.evaluate((n) => window.pylife.openLesson(n), name), `lesson ${name} opens in the browser`);
    await frames(lessonPage, 3);
    let s = await state(lessonPage);
    const stops = s.lesson.stops;
    for (let k = 0; k < stops; k++) {
      s = await state(lessonPage);
      const caption = s.layout.items.find((i) => i.name === 'caption');
      const panel = s.layout.items.find((i) => i.name === 'lesson panel');
      const ox = caption && panel ? Math.min(caption.x + caption.w, panel.x + panel.w) - Math.max(caption.x, panel.x) : 0;
      const oy = caption && panel ? Math.min(caption.y + caption.h, panel.y + panel.h) - Math.max(caption.y, panel.y) : 0;
      if (!caption || s.lesson.stop !== k || (ox > 1 && oy > 1 && panel.w < 1280 * 0.8)) {
        throw new Error(`lesson ${name}, stop ${k + 1}: ${!caption ? 'no caption' : s.lesson.stop !== k ? `at stop ${s.lesson.stop + 1}` : 'the caption covers its panel'}`);
      }
      if (k + 1 < stops) {
        await press(lessonPage, 'Enter');
        await frames(lessonPage, 3);
      }
    }
    check(true, `lesson ${name}: ${stops} stops by keyboard, each caption beside its panel`);
  }
  await lessonPage.close();
  check(logs.length === 0, `no page errors${logs.length ? ': ' + logs.join('; ') : ''}`);
} catch (e) {
  failed = true;
  console.error(`browser cockpit test FAILED: ${e.message}`);
} finally {
  if (browser) await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
