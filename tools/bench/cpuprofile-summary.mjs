// Where a process's time went, from a V8 CPU profile (BENCH_CPU_PROF / BENCH_PEER_CPU_PROF in bench:collab):
//
//   node tools/bench/cpuprofile-summary.mjs <file.cpuprofile> [from-to seconds] [stall ms]
//
// prints busy time per second (to find the measured rounds), then for the window: self time by package and by
// function, and the busy stretches (no idle sample between them) of at least `stall ms` (4 by default) with what
// filled them. A stretch is time the event loop could not read the next message: what a fan-out p99 is made of.
import { readFileSync } from 'node:fs';

const [file, window = '0-1e9', stallArg = '4'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tools/bench/cpuprofile-summary.mjs <file.cpuprofile> [from-to seconds] [stall ms]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const [from, to] = window.split('-').map((s) => Number(s) * 1e6);
const stallUs = Number(stallArg) * 1000;

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const where = ({ functionName, url, lineNumber }) => `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/')}:${lineNumber + 1}`;
const packageOf = ({ functionName, url }) => {
  if (!url) return functionName.startsWith('(') ? functionName : `(${functionName})`;
  if (url.startsWith('node:')) return 'node';
  if (!url.includes('node_modules/')) return 'application';
  const path = url.replace(/.*node_modules\//, '').split('/');
  return path[0].startsWith('@') ? `${path[0]}/${path[1]}` : path[0];
};
/** The first frames under the event loop's entry, and the innermost one: enough to tell what a stretch was doing. */
const summary = (id) => {
  const stack = [];
  for (let at = id; at !== undefined; at = parentOf.get(at)) stack.push(nodes.get(at).callFrame);
  stack.reverse();
  const short = (frame) => `${frame.functionName || '(anonymous)'}@${frame.url.replace(/.*\//, '')}`;
  return `${stack.slice(1, 4).map(short).join(' > ')} … ${where(stack[stack.length - 1])}`;
};
const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);
const ms = (us) => (us / 1000).toFixed(1);
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);

const perSecond = [];
const byPackage = new Map();
const byFunction = new Map();
const stretches = [];
let time = 0;
let busy = 0;
let stretch = null;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  time += delta;
  const frame = nodes.get(id).callFrame;
  const idle = frame.functionName === '(idle)';
  if (!idle) perSecond[Math.floor(time / 1e6)] = (perSecond[Math.floor(time / 1e6)] ?? 0) + delta;
  if (time < from || time > to) return;
  if (idle) {
    if (stretch) stretches.push(stretch);
    stretch = null;
    return;
  }
  busy += delta;
  add(byPackage, packageOf(frame), delta);
  add(byFunction, where(frame), delta);
  stretch ??= { start: time, length: 0, parts: new Map() };
  stretch.length += delta;
  add(stretch.parts, summary(id), delta);
});
if (stretch) stretches.push(stretch);

console.log(`busy ms per second: ${perSecond.map((us, s) => `${s}:${Math.round((us ?? 0) / 1000)}`).join(' ')}`);
console.log(`\nwindow ${window} s: busy ${ms(busy)} ms`);
console.log('\nself time by package (ms)');
for (const [name, us] of top(byPackage, 15)) console.log(`${ms(us).padStart(9)}  ${name}`);
console.log('\nself time by function (ms)');
for (const [name, us] of top(byFunction, 25)) console.log(`${ms(us).padStart(9)}  ${name}`);
const long = stretches.filter((s) => s.length >= stallUs).sort((a, b) => b.length - a.length);
console.log(`\n${stretches.length} busy stretches; ${long.length} of at least ${stallArg} ms, ${ms(long.reduce((sum, s) => sum + s.length, 0))} ms in all`);
for (const s of long.slice(0, 8)) {
  console.log(`\nat ${(s.start / 1e6).toFixed(2)} s, ${ms(s.length)} ms:`);
  for (const [name, us] of top(s.parts, 4)) console.log(`${ms(us).padStart(9)}  ${name}`);
}
