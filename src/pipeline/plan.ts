// Planning: for each target device, a fresh backup of its running config, its intended config
// (file or template), the engine's remediation, the human diff and the risk. The plan records
// the hashes of both configs so that a later deploy can refuse a device that changed since.

import type { Device } from '../config/inventory/index.js';
import { resolveAllIntended, type IntendedResult } from '../config/sources/intended.js';
import { IosConfigError, parseIgnoreRule, planConfig, renderDeviceCommands, type ConfigPlan } from '../ios/index.js';
import { configHash } from '../store/config-hash.js';
import type { PipelineContext } from './context.js';
import type { DevicePlan, PlanFile } from './plan-file.js';
import { errorMessage } from './errors.js';
import { saveBackup } from './save-backup.js';

/** Plans every device (in parallel up to the inventory's concurrency); a device that fails is an `error` entry, never a thrown run. */
export async function planDevices(ctx: PipelineContext, devices: readonly Device[]): Promise<PlanFile> {
  const intended = await resolveAllIntended(ctx.project.source, devices);
  const plans = await mapLimit(devices, ctx.project.inventory.settings.concurrency, (device, i) => planDevice(ctx, device, intended[i] as IntendedResult));
  const commit = sourceCommit(ctx);
  return {
    version: 1,
    createdAt: new Date().toISOString(),
    actor: ctx.actor,
    source: ctx.project.source.description,
    ...(commit ? { commit } : {}),
    devices: plans,
  };
}

async function planDevice(ctx: PipelineContext, device: Device, intended: IntendedResult): Promise<DevicePlan> {
  const log = ctx.logger.child({ device: device.name });
  if (!intended.ok) {
    log.error('plan', intended.error.message);
    const { location, line } = intended.error;
    return { ...failed(device, intended.error.message), errorAt: { location, ...(line === undefined ? {} : { line }) } };
  }
  try {
    const running = await ctx.sessions.use(device, (driver) => driver.getRunningConfig());
    const { backup } = await saveBackup(ctx, { device: device.name, config: running, reason: 'plan', trigger: ctx.actor });
    const plan = computePlan(ctx, running, intended.value.text, intended.value.origin.location);
    log.info('plan', plan.commands.length === 0 ? 'no changes' : `${plan.commands.length} commands, risk ${plan.risk.level}`);
    return {
      device: device.name,
      status: 'planned',
      // The backup's hash is the running config's (the same function, computed once).
      runningSha256: backup.sha256,
      intendedSha256: configHash(intended.value.text),
      intended: intended.value.origin,
      backupId: backup.id,
      changes: plan.commands.length > 0,
      commands: plan.commands,
      lines: renderDeviceCommands(plan.commands),
      diff: plan.diff,
      risk: plan.risk,
      stats: plan.stats,
    };
  } catch (error) {
    log.error('plan', `cannot plan: ${errorMessage(error)}`);
    // The intended config does not parse: the fault is at a line of its file.
    const at = error instanceof IosConfigError && error.source === intended.value.origin.location ? { location: error.source, ...(error.line === undefined ? {} : { line: error.line }) } : undefined;
    return { ...failed(device, errorMessage(error)), ...(at ? { errorAt: at } : {}) };
  }
}

/** The engine's plan with the inventory's ignore rules; the same options wherever CatNet compares configs. */
export function computePlan(ctx: Pick<PipelineContext, 'project'>, running: string, intended: string, intendedSource?: string): ConfigPlan {
  const { settings } = ctx.project.inventory;
  return planConfig(running, intended, {
    ignore: settings.ignore.map(parseIgnoreRule),
    ignoreVersion: settings.ignore_version,
    runningSource: 'running-config',
    intendedSource,
  });
}

function failed(device: Device, error: string): DevicePlan {
  return { device: device.name, status: 'error', error, changes: false, commands: [], lines: [], diff: '', risk: { level: 'none', items: [] }, stats: { add: 0, remove: 0, replace: 0 } };
}

function sourceCommit(ctx: PipelineContext): string | undefined {
  const source = ctx.project.source as { commitSha?: string };
  return source.commitSha;
}

/** `work` over `items`, at most `limit` at once, results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
