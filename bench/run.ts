// `npm run bench`: runs every benchmark section, prints a table, writes bench/results.json.

import { fileURLToPath } from 'node:url';
import { benchIosEngine } from './ios-engine.js';
import { printTable, writeResults, type BenchResult } from './report.js';

const sections: Array<[string, () => BenchResult[] | Promise<BenchResult[]>]> = [['ios engine', benchIosEngine]];

const results: BenchResult[] = [];
for (const [name, run] of sections) {
  process.stderr.write(`bench: ${name}…\n`);
  results.push(...(await run()));
}
printTable(results);
const path = fileURLToPath(new URL('./results.json', import.meta.url));
writeResults(path, results);
console.log(`\nwritten: ${path}`);
