// Benchmark results: a table on stdout and bench/results.json for tools and trend tracking.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export interface BenchResult {
  section: string;
  name: string;
  /** The measured value and its unit (e.g. 183.2 ms, 540000 lines/s). */
  value: number;
  unit: string;
  /** Extra measured figures worth keeping (e.g. input size, throughput). */
  details?: Record<string, number | string>;
  /** The target from the issue, e.g. "<= 250 ms", and whether it was met. */
  target?: string;
  pass?: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.section,
    r.name,
    `${round(r.value)} ${r.unit}`,
    Object.entries(r.details ?? {}).map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : v}`).join(' '),
    r.target ? `${r.target} ${r.pass ? 'PASS' : 'FAIL'}` : '',
  ]);
  const header = ['section', 'benchmark', 'median', 'details', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

/** Load average over the last minute. */
export function loadAverage(): number {
  return round(os.loadavg()[0] ?? 0);
}

/**
 * Writes the results. A run of some sections (`npm run bench -- lab`) keeps the other sections'
 * rows from the previous file, so results.json always holds every benchmark.
 */
export function writeResults(path: string, results: BenchResult[], load?: { before: number; after: number }, sectionsRun?: readonly string[]): void {
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version, load };
  const kept = sectionsRun === undefined ? [] : previousResults(path).filter((row) => !sectionsRun.includes(row.section));
  writeFileSync(path, `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, results: [...kept, ...results] }, null, 2)}\n`);
}

function previousResults(path: string): BenchResult[] {
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as { results: BenchResult[] }).results;
}

function round(n: number): number {
  return n >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}
