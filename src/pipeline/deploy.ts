// A deployment: a plan pushed across the fleet in waves (canary, batches, wave labels), with
// its record in the history store from start to end. Every device ends with a status, those
// never attempted included (`skipped`), so nothing is left unsaid.

import type { Device } from '../config/inventory/index.js';
import type { DeploymentRecord, DeploymentStatus, DeviceResultRecord } from '../store/types.js';
import type { PipelineContext } from './context.js';
import { deployDevice, type DeviceDeployOptions } from './deploy-device.js';
import { errorMessage } from './errors.js';
import { runFleet } from './fleet.js';
import type { PlanFile } from './plan-file.js';

export interface DeployOptions extends DeviceDeployOptions {
  canary?: number;
  batchSize?: string | null;
  maxFailures: number;
  /** Stops starting devices; those in flight finish (or roll back). */
  signal?: AbortSignal;
  /** The deployment's id, when the caller needs it before the run ends (the service's 202). */
  deploymentId?: string;
}

export interface DeploymentOutcome {
  deployment: DeploymentRecord;
  results: DeviceResultRecord[];
}

/** A device result counts as a success for the failure budget. */
const SUCCESS = new Set(['succeeded', 'unchanged', 'dry_run']);

export async function deployPlan(ctx: PipelineContext, plan: PlanFile, options: DeployOptions): Promise<DeploymentOutcome> {
  const devices = plan.devices.map((p) => {
    const device = ctx.project.inventory.devices.find((d) => d.name === p.device);
    return { plan: p, device };
  });
  const { history } = ctx.store;
  const started = Date.now();
  const { signal: _signal, deploymentId, ...recorded } = options;
  // Created before the first await: a caller that started this without awaiting can read it at once.
  const deployment = history.createDeployment({ actor: ctx.actor, source: plan.commit ? `${plan.source}@${plan.commit}` : plan.source, options: recorded, plan, ...(deploymentId ? { id: deploymentId } : {}) });
  history.updateDeployment(deployment.id, { status: 'running', startedAt: new Date().toISOString() });
  ctx.events.emit('deployment', { id: deployment.id, status: 'running' });
  const log = ctx.logger.child({ deployment: deployment.id });
  log.info('deploy', `deployment of ${devices.length} device${devices.length === 1 ? '' : 's'} started by ${ctx.actor}`);

  const byName = new Map(devices.map((d) => [d.plan.device, d]));
  // Devices with nothing to change are settled at once: they take no wave, canary or failure budget.
  const settled = devices.filter((d) => d.device && d.plan.status === 'planned' && !d.plan.changes);
  const early = new Map<string, DeviceResultRecord>();
  for (const d of settled) early.set(d.plan.device, await deployDevice(ctx, deployment.id, d.device as Device, d.plan, options));
  const fleet = await runFleet<DeviceResultRecord>(
    devices.filter((d) => !early.has(d.plan.device)).map(({ plan: p, device }) => ({ name: p.device, wave: device?.wave })),
    {
      canary: options.canary,
      batchSize: options.batchSize,
      concurrency: ctx.project.inventory.settings.concurrency,
      maxFailures: options.maxFailures,
      signal: options.signal,
      onWaveStart: (wave, index, total) => log.info('deploy', `wave ${index + 1}/${total} (${wave.name}): ${wave.devices.join(', ')}`),
      onError: (name, error) => failedResult(ctx, deployment.id, name, errorMessage(error)),
    },
    async (name) => {
      const entry = byName.get(name) as { plan: PlanFile['devices'][number]; device: Device | undefined };
      if (!entry.device) return { ok: false, value: failedResult(ctx, deployment.id, name, `${name} is not in the inventory any more`) };
      const result = await deployDevice(ctx, deployment.id, entry.device, entry.plan, options);
      return { ok: SUCCESS.has(result.status), value: result };
    },
    (name, reason) => {
      const result: DeviceResultRecord = { deploymentId: deployment.id, device: name, status: reason === 'interrupted' ? 'interrupted' : 'skipped', commands: byName.get(name)?.plan.lines ?? [], applied: [], checks: [], error: SKIP_REASONS[reason] };
      history.saveDeviceResult(result);
      ctx.metrics.deviceDeploymentsTotal.inc({ status: result.status });
      return result;
    },
  );
  const results = devices.map((d) => early.get(d.plan.device) ?? (fleet.results.get(d.plan.device) as DeviceResultRecord));
  const status = deploymentStatus(results, fleet.halted === 'interrupted');
  const summary = summarize(results);
  history.updateDeployment(deployment.id, { status, finishedAt: new Date().toISOString(), summary });
  ctx.metrics.deploymentsTotal.inc({ status });
  ctx.metrics.deploymentDurationSeconds.observe((Date.now() - started) / 1000);
  ctx.events.emit('deployment', { id: deployment.id, status });
  (status === 'succeeded' ? log.info : log.error)('deploy', `deployment ${status}: ${summary}`);
  return { deployment: history.getDeployment(deployment.id) as DeploymentRecord, results };
}

const SKIP_REASONS = {
  canary_failed: 'not attempted: the canary wave failed',
  max_failures: 'not attempted: more devices failed than --max-failures allows',
  interrupted: 'not attempted: the run was interrupted',
} as const;

function failedResult(ctx: PipelineContext, deploymentId: string, device: string, error: string): DeviceResultRecord {
  const result: DeviceResultRecord = { deploymentId, device, status: 'failed', commands: [], applied: [], checks: [], error };
  ctx.store.history.saveDeviceResult(result);
  return result;
}

export function deploymentStatus(results: readonly DeviceResultRecord[], interrupted: boolean): DeploymentStatus {
  if (interrupted) return 'interrupted';
  const failed = results.filter((r) => !SUCCESS.has(r.status));
  if (failed.length === 0) return 'succeeded';
  const changed = results.some((r) => r.status === 'succeeded');
  if (changed) return 'partially_failed';
  return failed.every((r) => r.status === 'rolled_back' || r.status === 'skipped') && failed.some((r) => r.status === 'rolled_back') ? 'rolled_back' : 'failed';
}

/** `3 devices: 2 succeeded, 1 rolled back`. */
export function summarize(results: readonly DeviceResultRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${n} ${status.replace(/_/g, ' ')}`);
  return `${results.length} device${results.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
