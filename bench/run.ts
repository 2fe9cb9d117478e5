// `npm run bench`: runs every benchmark section, prints a table, writes bench/results.json.
// `npm run bench -- lab` (or `ios`) runs only the sections whose name contains the word.

import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchIosEngine } from './ios-engine.js';
import { benchDevice } from './device.js';
import { benchLab } from './lab.js';
import { benchPipeline } from './pipeline.js';
import { loadAverage, printTable, writeResults, type BenchResult } from './report.js';

const all: Array<[string, () => BenchResult[] | Promise<BenchResult[]>]> = [
  ['ios engine', benchIosEngine],
  ['lab', () => benchLab()],
  ['device', benchDevice],
  ['pipeline', benchPipeline],
];
const only = process.argv.slice(2);
const sections = only.length === 0 ? all : all.filter(([name]) => only.some((word) => name.includes(word)));

const loadBefore = loadAverage();
const results: BenchResult[] = [];
for (const [name, run] of sections) {
  process.stderr.write(`bench: ${name}…\n`);
  results.push(...(await run()));
}
printTable(results);
const load = { before: loadBefore, after: loadAverage() };
// Other work on the machine slows every figure down: say how busy it was.
console.log(`\nload average (1 min) before/after: ${load.before}/${load.after} on ${os.cpus().length} CPUs`);
const path = fileURLToPath(new URL('./results.json', import.meta.url));
writeResults(path, results, load, only.length === 0 ? undefined : sections.map(([name]) => name));
console.log(`\nwritten: ${path}`);
