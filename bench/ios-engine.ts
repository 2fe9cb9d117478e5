// Engine benchmark: parse + remediate (and the whole plan) on generated config pairs of
// ~1k, ~10k and ~100k lines, plus `catnet diff` on the 100k pair as a whole process.
// "parse + remediate" is planConfig up to its commands: parse, normalise, remediate (and the
// risk summary, which is small); the diff is only made when read, so it is not in that row.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planConfig } from '../src/ios/index.js';
import { generateDeviceModel } from '../src/lab/generate/device-model.js';
import { mutateModel } from '../src/lab/generate/mutate-model.js';
import { createRandom } from '../src/lab/generate/random.js';
import { renderIntendedConfig, renderRunningConfig } from '../src/lab/generate/render-model.js';
import { catnetOn } from './lab-process.js';
import { median, type BenchResult } from './report.js';

const SIZES = [1_000, 10_000, 100_000];
const TMP = fileURLToPath(new URL('./tmp/', import.meta.url));

function makePair(targetLines: number): { running: string; intended: string; lines: number } {
  const model = generateDeviceModel({ hostname: 'bench-1', seed: 42, targetLines });
  const edits = Math.max(5, Math.round(targetLines / 2000));
  const intended = renderIntendedConfig(mutateModel(model, createRandom(7), edits).model, { style: 'plain' });
  const running = renderRunningConfig(model);
  return { running, intended, lines: running.split('\n').length + intended.split('\n').length };
}

function time(fn: () => void, runs: number): number {
  fn(); // warm-up: JIT and caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function benchIosEngine(): BenchResult[] {
  const results: BenchResult[] = [];
  let largest: { running: string; intended: string } | undefined;
  for (const size of SIZES) {
    const pair = makePair(size);
    const runs = size >= 100_000 ? 9 : 21;
    const parseAndRemediate = time(() => planConfig(pair.running, pair.intended).commands, runs);
    const fullPlan = time(() => planConfig(pair.running, pair.intended).diff, runs);
    const label = `${Math.round(pair.lines / 2 / 1000)}k-line pair`;
    const isTarget = size === 100_000;
    results.push({
      section: 'ios engine',
      name: `parse + remediate, ${label}`,
      value: parseAndRemediate,
      unit: 'ms',
      details: { lines: pair.lines, linesPerSec: Math.round((pair.lines / parseAndRemediate) * 1000) },
      ...(isTarget ? { target: '<= 250 ms', pass: parseAndRemediate <= 250 } : {}),
    });
    results.push({
      section: 'ios engine',
      name: `full plan (+ diff, risk), ${label}`,
      value: fullPlan,
      unit: 'ms',
      details: { lines: pair.lines, linesPerSec: Math.round((pair.lines / fullPlan) * 1000) },
    });
    if (isTarget) largest = pair;
  }
  if (largest) results.push(benchManyGroupsRemoved(largest), ...benchCliProcess(largest));
  return results;
}

/**
 * A plan that removes many whole lists at once (decommissioning): each removed list is one
 * `no ip prefix-list NAME`, decided by looking at both whole configs. That look must not be
 * made once per list (it was: 100 lists took 500–600 ms).
 */
function benchManyGroupsRemoved(pair: { running: string; intended: string }): BenchResult {
  const lines = pair.intended.split('\n');
  const listOf = (line: string): string | undefined => /^ip prefix-list (\S+) /.exec(line)?.[1];
  const names = [...new Set(lines.map(listOf).filter((name) => name !== undefined))].slice(0, 100);
  const removed = new Set(names);
  const intended = lines.filter((line) => !removed.has(listOf(line) ?? '')).join('\n');
  const ms = time(() => planConfig(pair.running, intended).commands, 9);
  return { section: 'ios engine', name: 'parse + remediate, 100k-line pair, 100 prefix-lists removed', value: ms, unit: 'ms', details: { lists: names.length } };
}

/**
 * `catnet diff` on the ~100k-line pair, timed as a whole process (start-up included). The
 * issue's target is `catnet diff` as users run it: the default text format, which prints the
 * diff too; `--format commands` is shown beside it to tell start-up and planning from the diff.
 * The Node that runs the bench runs it; CATNET_BENCH_NODES (paths of other node binaries,
 * separated like PATH) adds rows for them, timed in the same turns: start-up and V8 differ much
 * between Node releases.
 */
function benchCliProcess(pair: { running: string; intended: string }): BenchResult[] {
  mkdirSync(TMP, { recursive: true });
  const running = `${TMP}running-100k.cfg`;
  const intended = `${TMP}intended-100k.cfg`;
  writeFileSync(running, pair.running);
  writeFileSync(intended, pair.intended);
  const nodes = [process.execPath, ...otherNodes()];
  const formats = [['--format', 'commands'], []];
  // Interleaved, so that every format and Node sees the same load from other work on the machine.
  const runs = nodes.flatMap((node) => formats.map((format) => [...catnetOn(node), 'diff', running, intended, ...format]));
  const medians = timeProcesses(runs);
  // Node 20 reads a NODE_EXTRA_CA_CERTS bundle at start-up, before any of CatNet runs (~50 ms
  // on the development machine, which sets it; later releases read it when first needed):
  // recorded, since it moves these figures.
  const env = { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS === undefined ? 'unset' : 'set' };
  return nodes.flatMap((node, n) => {
    const [commands, text] = medians.slice(n * formats.length, (n + 1) * formats.length) as [number, number];
    const version = n === 0 ? process.version : nodeVersion(node);
    const on = n === 0 ? '' : ` (node ${version})`;
    const details = { node: version, ...env };
    return [
      { section: 'ios engine', name: `catnet diff process, 100k-line pair${on}`, value: text, unit: 'ms', details: { format: 'text (default)', ...details }, target: '<= 500 ms', pass: text <= 500 },
      { section: 'ios engine', name: `catnet diff process, 100k-line pair, commands only${on}`, value: commands, unit: 'ms', details: { format: 'commands', ...details } },
    ];
  });
}

function otherNodes(): string[] {
  return (process.env.CATNET_BENCH_NODES ?? '').split(delimiter).filter((path) => path !== '');
}

function nodeVersion(node: string): string {
  const result = spawnSync(node, ['--version'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`CATNET_BENCH_NODES: ${node} --version failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout.trim();
}

/** The median time of each command line, run in turns (the first round only warms the file cache). */
function timeProcesses(commands: string[][]): number[] {
  const samples = commands.map((): number[] => []);
  for (let i = 0; i < 8; i++) {
    commands.forEach(([command, ...args], c) => {
      const start = performance.now();
      const result = spawnSync(command as string, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
      const elapsed = performance.now() - start;
      if (result.status !== 3) throw new Error(`${[command, ...args].join(' ')} exited ${result.status}: ${result.stderr}`);
      if (i > 0) samples[c]?.push(elapsed);
    });
  }
  return samples.map(median);
}
