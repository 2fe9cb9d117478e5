// Pipeline benchmark: CatNet's own pipeline (backup, plan, deploy with verify) against a lab of
// 500 devices with ~5k-line configs, running in a separate process (`catnet lab start`), read
// through the inventory that lab writes, exactly as `catnet backup/plan/deploy` would run.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { openProject } from '../src/config/project.js';
import { silentLogger } from '../src/obs/logger.js';
import { backupDevices } from '../src/pipeline/backup.js';
import { closePipeline, openPipeline, type PipelineContext } from '../src/pipeline/context.js';
import { deployPlan } from '../src/pipeline/deploy.js';
import { planDevices } from '../src/pipeline/plan.js';
import { CATNET, LAB_KEY_ENV, waitForOutput } from './lab-process.js';
import type { BenchResult } from './report.js';

const SECTION = 'pipeline';
const DEVICES = Number(process.env.BENCH_PIPELINE_DEVICES ?? 500);
const LINES = Number(process.env.BENCH_PIPELINE_LINES ?? 5000);
// 100: on the 2-CPU development machine 50 leaves the lab and the pipeline waiting on each other, 200 gains nothing more.
const CONCURRENCY = Number(process.env.BENCH_PIPELINE_CONCURRENCY ?? 100);
/** The interface whose description the change touches: every generated router has it (its uplink). */
const INTERFACE = 'GigabitEthernet0/0/1';

export async function benchPipeline(): Promise<BenchResult[]> {
  // Outside any Git work tree (bench/tmp/ is inside this repository's): backups are not committed.
  const dir = mkdtempSync(join(os.tmpdir(), 'catnet-bench-pipeline-'));
  const inventoryPath = join(dir, 'catnet.config.yaml');
  mkdirSync(join(dir, 'configs'));
  const lab = spawn(
    CATNET[0],
    [...CATNET.slice(1), 'lab', 'start', '--devices', String(DEVICES), '--lines', String(LINES), '--base-port', '0', '--host-key-dir', join(dir, 'host-keys'), '--write-inventory', inventoryPath],
    { stdio: ['ignore', 'pipe', 'inherit'], env: LAB_KEY_ENV },
  );
  let ctx: PipelineContext | undefined;
  try {
    const labStart = performance.now();
    await waitForOutput(lab, 'lab running');
    progress(`lab of ${DEVICES} devices (${LINES} lines) up in ${seconds(labStart)} s`);
    tuneInventory(inventoryPath);
    const project = await openProject({ configFile: inventoryPath, env: LAB_KEY_ENV });
    ctx = openPipeline(project, { actor: 'bench', logger: silentLogger });
    const devices = project.inventory.devices;
    const size = `${devices.length} devices (${LINES / 1000}k lines)`;
    const results: BenchResult[] = [];

    const backupStart = performance.now();
    const backups = await backupDevices(ctx, devices);
    const backupSeconds = seconds(backupStart);
    const backupFailed = backups.filter((b) => !b.ok);
    reportErrors('backup', backupFailed.map((b) => `${b.device}: ${b.error}`));
    const perSecond = (backups.length - backupFailed.length) / backupSeconds;
    results.push({
      section: SECTION,
      name: `backup ${size}, concurrency ${CONCURRENCY}`,
      value: perSecond,
      unit: 'devices/s',
      details: { seconds: backupSeconds, errors: backupFailed.length },
      target: '>= 100 devices/s',
      pass: perSecond >= 100 && backupFailed.length === 0,
    });
    progress(`backup: ${backupSeconds} s`);

    let changeLines = 0;
    let runningLines = 0;
    for (const [i, outcome] of backups.entries()) {
      if (!outcome.backup) continue;
      const text = (ctx.backups.get(outcome.backup.id) as { text: string }).text;
      const intended = withChange(text, i);
      changeLines = intended.lines;
      runningLines = Math.max(runningLines, text.split('\n').length);
      writeFileSync(join(dir, 'configs', `${outcome.device}.cfg`), intended.text);
    }

    const planStart = performance.now();
    const plan = await planDevices(ctx, devices);
    const planSeconds = seconds(planStart);
    const notPlanned = plan.devices.filter((p) => p.status !== 'planned' || !p.changes);
    reportErrors('plan', notPlanned.map((p) => `${p.device}: ${p.status} ${p.error ?? (p.changes ? '' : 'no changes')}`));
    const commands = plan.devices.map((p) => p.lines.length);
    results.push({
      section: SECTION,
      name: `plan ${size}`,
      value: planSeconds,
      unit: 's',
      details: { devicesPerSecond: devices.length / planSeconds, runningLinesMax: runningLines, notPlanned: notPlanned.length, changeLines, commandLinesMin: Math.min(...commands), commandLinesMax: Math.max(...commands) },
    });
    progress(`plan: ${planSeconds} s`);

    const deployStart = performance.now();
    const { deployment, results: deviceResults } = await deployPlan(ctx, plan, { dryRun: false, autoRollback: true, save: true, confirmTimerMin: null, maxFailures: devices.length, canary: 0, batchSize: null });
    const deploySeconds = seconds(deployStart);
    const counts: Record<string, number> = {};
    for (const r of deviceResults) counts[r.status] = (counts[r.status] ?? 0) + 1;
    reportErrors('deploy', deviceResults.filter((r) => r.error).map((r) => `${r.device}: ${r.status} ${r.error}`));
    const checks = new Set(deviceResults.flatMap((r) => r.checks.map((c) => c.name)));
    results.push({
      section: SECTION,
      name: `deploy a ~${changeLines}-line change to ${size} with verify`,
      value: deploySeconds,
      unit: 's',
      details: { status: deployment.status, ...counts, checks: [...checks].join('+'), devicesPerSecond: devices.length / deploySeconds },
      target: '<= 20 s',
      pass: deploySeconds <= 20 && deployment.status === 'succeeded',
    });
    progress(`deploy: ${deploySeconds} s (${deployment.status})`);
    return results;
  } finally {
    if (ctx) closePipeline(ctx);
    await stopLab(lab);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The written inventory names only its devices and credentials: add the concurrency and the
 * checks a deploy verifies with (a fresh login and the interfaces still up; no pings, the lab
 * has no network behind it).
 */
function tuneInventory(path: string): void {
  const inventory = yaml.load(readFileSync(path, 'utf8')) as { settings: Record<string, unknown> };
  inventory.settings = { ...inventory.settings, concurrency: CONCURRENCY, health_checks: { reconnect: true, interfaces: true, ping: [] } };
  writeFileSync(path, yaml.dump(inventory, { lineWidth: -1 }));
}

/**
 * The running config plus a 20-line change: 12 static routes, a standard ACL of 6 entries and
 * a new description on the uplink.
 */
function withChange(running: string, index: number): { text: string; lines: number } {
  const lines = running.split('\n');
  const header = lines.findIndex((l) => l === `interface ${INTERFACE}`);
  if (header < 0) throw new Error(`bench: the generated config has no ${INTERFACE}`);
  let end = header + 1;
  while (end < lines.length && (lines[end] as string).startsWith(' ')) end++;
  const description = ` description bench change ${index}`;
  const existing = lines.slice(header + 1, end).findIndex((l) => l.startsWith(' description '));
  if (existing >= 0) lines[header + 1 + existing] = description;
  else lines.splice(header + 1, 0, description);
  const added = [
    ...Array.from({ length: 12 }, (_, i) => `ip route 10.250.${i}.0 255.255.255.0 Null0`),
    `ip access-list standard BENCH-${index}`,
    ...Array.from({ length: 6 }, (_, i) => ` permit 10.251.${i}.0 0.0.0.255`),
  ];
  const endLine = lines.lastIndexOf('end');
  lines.splice(endLine < 0 ? lines.length : endLine, 0, ...added);
  return { text: lines.join('\n'), lines: added.length + 1 };
}

function reportErrors(step: string, errors: string[]): void {
  for (const error of errors.slice(0, 5)) process.stderr.write(`bench pipeline ${step}: ${error}\n`);
  if (errors.length > 5) process.stderr.write(`bench pipeline ${step}: … and ${errors.length - 5} more\n`);
}

function progress(message: string): void {
  process.stderr.write(`bench pipeline: ${message}\n`);
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

async function stopLab(lab: ChildProcess): Promise<void> {
  if (lab.exitCode !== null) return;
  const exited = new Promise((done) => lab.once('exit', done));
  lab.kill('SIGTERM');
  await exited;
}
