// `npm run bench`: runs every benchmark section, prints a table, writes bench/results.json.

import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchIosEngine } from './ios-engine.js';
import { loadAverage, printTable, writeResults, type BenchResult } from './report.js';

const sections: Array<[string, () => BenchResult[] | Promise<BenchResult[]>]> = [['ios engine', benchIosEngine]];

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
writeResults(path, results, load);
console.log(`\nwritten: ${path}`);
