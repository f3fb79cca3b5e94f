#!/usr/bin/env node
// Checks a layout report of `pylife gui --layout-report` (or the page's
// state().layout): every control of the top bar and the timeline lies
// wholly inside the window, none overlaps another, and the controls a
// learner needs are all there.
//   node tests/desktop/check_layout.mjs REPORT.json [NAME...]
// NAMEs: controls that must be present (defaults below).
import { readFileSync } from 'node:fs';

const [file, ...wanted] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));
const [width, height] = report.window;
const must = wanted.length ? wanted
  : ['Source', 'VM', 'Examples', 'A+', 'A-', 'Reset layout', 'status', '|<', 'Back', 'Into', 'Next line', 'Out',
     'Continue', '>|', 'timeline', 'counter'];
const problems = [];
for (const name of must) {
  if (!report.items.some((i) => i.name === name)) problems.push(`${name}: not drawn`);
}
if (!report.items.some((i) => i.name === 'Light' || i.name === 'Dark')) problems.push('the theme switch: not drawn');
const slack = 0.5;
for (const i of report.items) {
  if (i.x < -slack || i.y < -slack || i.x + i.w > width + slack || i.y + i.h > height + slack) {
    problems.push(`${i.name}: (${i.x}, ${i.y}) ${i.w}x${i.h} is not inside the ${width}x${height} window`);
  }
}
// Overlaps within the bars (a wrapped row drawn over another); a lesson's
// caption and the panel it explains are checked apart from the bars.
const bars = report.items.filter((i) => i.name !== 'caption' && i.name !== 'lesson panel');
for (let a = 0; a < bars.length; a++) {
  for (let b = a + 1; b < bars.length; b++) {
    const p = bars[a], q = bars[b];
    const ox = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
    const oy = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
    if (ox > 1 && oy > 1) problems.push(`${p.name} and ${q.name} overlap`);
  }
}
if (problems.length) {
  console.error(`${file}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${file}: ${report.items.length} controls inside ${width}x${height}`);
