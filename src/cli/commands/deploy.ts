// `catnet deploy`: push a plan (a plan file, or one made now and confirmed) across the fleet
// with the pipeline's guards, and report every device's outcome. Ctrl-C stops starting new
// devices; those in flight finish or roll back, and the deployment is recorded as interrupted.

import { createInterface } from 'node:readline/promises';
import type { Settings } from '../../config/inventory/index.js';
import { redact } from '../../obs/redact.js';
import { deployPlan, type DeployOptions } from '../../pipeline/deploy.js';
import { deployOptionsFrom } from '../../pipeline/deploy-options.js';
import { changedDevices, readPlanFile, type PlanFile } from '../../pipeline/plan-file.js';
import { planDevices } from '../../pipeline/plan.js';
import { selectDevices } from '../../pipeline/targets.js';
import type { DeviceResultRecord } from '../../store/types.js';
import { ExitCode, InputError, type ExitCodeValue } from '../exit-codes.js';
import { formatPlanFileText } from '../format-plan-file.js';
import { attachProgress } from '../progress.js';
import { formatTable } from '../table.js';
import { withPipeline, type RunOptions } from './pipeline-run.js';

export interface DeployCliOptions {
  plan?: string;
  device: string[];
  group: string[];
  yes?: boolean;
  dryRun?: boolean;
  canary?: string;
  batchSize?: string;
  maxFailures?: string;
  autoRollback: boolean;
  save: boolean;
  confirmTimer?: string;
}

export async function runDeploy(run: RunOptions, options: DeployCliOptions, print: (text: string) => void, color: boolean): Promise<ExitCodeValue> {
  // With the live display, the log lines would tear it: only warnings go to stderr then.
  const live = process.stderr.isTTY && !run.verbose;
  return withPipeline({ ...run, quiet: run.quiet ?? live }, async (ctx) => {
    let plan: PlanFile;
    if (options.plan !== undefined) {
      plan = await readPlanFile(options.plan);
      if (options.device.length > 0 || options.group.length > 0) {
        const wanted = new Set(selectDevices(ctx.project.inventory, { devices: options.device, groups: options.group }).map((d) => d.name));
        plan = { ...plan, devices: plan.devices.filter((d) => wanted.has(d.device)) };
      }
    } else {
      plan = await planDevices(ctx, selectDevices(ctx.project.inventory, { devices: options.device, groups: options.group }));
      print(formatPlanFileText(plan, { color }));
    }
    const changing = changedDevices(plan);
    const errors = plan.devices.filter((d) => d.status === 'error');
    if (changing.length === 0 && errors.length === 0) {
      print('Nothing to deploy: every device matches its intended config.\n');
      return ExitCode.ok;
    }
    if (!options.dryRun && changing.length > 0 && !(await confirmed(options, changing.length))) {
      print('Not deployed.\n');
      return ExitCode.ok;
    }
    const abort = new AbortController();
    const onSigint = (): void => {
      process.stderr.write('\ncatnet: interrupted: no new device will start; devices in flight finish or roll back (Ctrl-C again to force)\n');
      abort.abort();
      process.once('SIGINT', () => process.exit(130));
    };
    process.once('SIGINT', onSigint);
    // On a terminal, a live line per device; the log lines then stay in the job log (`catnet logs`).
    const detach = live ? attachProgress(ctx.events, plan.devices.map((d) => d.device), process.stderr) : undefined;
    try {
      const outcome = await deployPlan(ctx, plan, { ...deployOptions(ctx.project.inventory.settings, options), signal: abort.signal });
      detach?.();
      print(formatResults(outcome.results, options.dryRun === true));
      print(`Deployment ${outcome.deployment.id}: ${outcome.deployment.status} (${outcome.deployment.summary ?? ''})\n`);
      return outcome.deployment.status === 'succeeded' ? ExitCode.ok : ExitCode.error;
    } finally {
      detach?.();
      process.off('SIGINT', onSigint);
    }
  });
}

/** The inventory's deploy settings, with the command line's options on top. */
export function deployOptions(settings: Settings, options: DeployCliOptions): DeployOptions {
  return deployOptionsFrom(settings, {
    dryRun: options.dryRun === true,
    autoRollback: options.autoRollback,
    save: options.save,
    ...(options.confirmTimer !== undefined ? { confirmTimerMin: count(options.confirmTimer, '--confirm-timer', 1) } : {}),
    ...(options.canary !== undefined ? { canary: count(options.canary, '--canary', 0) } : {}),
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.maxFailures !== undefined ? { maxFailures: count(options.maxFailures, '--max-failures', 0) } : {}),
  });
}

function count(value: string, option: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InputError(`${option} must be a whole number ≥ ${min}, not "${value}"`);
  return n;
}

async function confirmed(options: DeployCliOptions, devices: number): Promise<boolean> {
  if (options.yes) return true;
  if (!process.stdin.isTTY) throw new InputError('deploy needs a confirmation: run it on a terminal, or pass --yes');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Deploy to ${devices} device${devices === 1 ? '' : 's'}? Type "yes" to go on: `);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

function formatResults(results: readonly DeviceResultRecord[], dryRun: boolean): string {
  const rows = results.map((r) => [r.device, r.status, r.error ?? (r.status === 'succeeded' ? `${r.applied.length} commands, checks passed` : '')]);
  let text = formatTable(['DEVICE', 'STATUS', 'DETAIL'], rows);
  if (dryRun) {
    for (const r of results.filter((x) => x.status === 'dry_run')) text += `\n${r.device}: would send\n${r.commands.map((line) => `  ${line}`).join('\n')}\n`;
  }
  return redact(text);
}
