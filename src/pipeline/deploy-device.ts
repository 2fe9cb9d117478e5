// Deploying one device's plan, safely: a lease on the device, a check that neither its running
// config nor its intended config changed since the plan, a backup, the push, the health checks
// and convergence, and only then the save. A failure restores the backup (unless told not to).
// Risky changes can run under IOS's revert timer: it is confirmed only after a fresh login and
// the checks succeed, so a change that locks CatNet out reverts by itself.

import type { Device } from '../config/inventory/index.js';
import { resolveIntended } from '../config/sources/intended.js';
import type { IosDriver } from '../device/ios-driver.js';
import { existingSectionsOfText } from '../ios/index.js';
import type { CheckResult, DeviceResultRecord } from '../store/types.js';
import { configHash } from '../store/config-hash.js';
import type { PipelineContext } from './context.js';
import { errorMessage } from './errors.js';
import { captureBaseline, runHealthChecks } from './health/run-checks.js';
import type { DevicePlan } from './plan-file.js';
import { computePlan } from './plan.js';
import { restoreConfig } from './restore.js';
import { saveBackup } from './save-backup.js';

export interface DeviceDeployOptions {
  dryRun: boolean;
  autoRollback: boolean;
  save: boolean;
  /** Arm IOS's revert timer for management-plane changes, for this many minutes. */
  confirmTimerMin: number | null;
  /** How long the device lease lasts; a crashed run's lease expires after it. Default 15 min. */
  lockLeaseMs?: number;
}

type Outcome = Pick<DeviceResultRecord, 'status'> & Partial<Pick<DeviceResultRecord, 'error' | 'applied' | 'checks' | 'backupBefore' | 'backupAfter' | 'transcript'>>;

export async function deployDevice(ctx: PipelineContext, deploymentId: string, device: Device, plan: DevicePlan, options: DeviceDeployOptions): Promise<DeviceResultRecord> {
  const startedAt = new Date().toISOString();
  const base = { deploymentId, device: device.name, commands: plan.lines, startedAt };
  const log = ctx.logger.child({ device: device.name, deployment: deploymentId });
  const record = (outcome: Outcome): DeviceResultRecord => {
    const result: DeviceResultRecord = { ...base, ...outcome, applied: outcome.applied ?? [], checks: outcome.checks ?? [], finishedAt: new Date().toISOString() };
    ctx.store.history.saveDeviceResult(result);
    ctx.metrics.deviceDeploymentsTotal.inc({ status: result.status });
    ctx.events.emit('device', { deployment: deploymentId, device: device.name, status: result.status, message: result.error });
    (result.error ? log.error : log.info)('deploy', result.error ? `${result.status}: ${result.error}` : result.status);
    return result;
  };
  ctx.store.history.saveDeviceResult({ ...base, status: 'running', applied: [], checks: [] });
  ctx.events.emit('device', { deployment: deploymentId, device: device.name, status: 'running' });

  if (plan.status === 'error') return record({ status: 'failed', error: `not planned: ${plan.error ?? 'unknown error'}` });
  if (!plan.changes) return record({ status: 'unchanged' });

  const lease = ctx.store.locks.acquire(device.name, deploymentId, options.lockLeaseMs ?? 15 * 60_000);
  if (!lease.ok) return record({ status: 'failed', error: `locked by ${lease.holder.owner} until ${lease.holder.expiresAt}` });
  try {
    const intended = await resolveIntended(ctx.project.source, device);
    if (configHash(intended.text) !== plan.intendedSha256) {
      return record({ status: 'stale', error: `the intended config (${intended.origin.location}) changed since the plan: re-plan` });
    }
    return record(await ctx.sessions.use(device, (driver) => deployWithSession(ctx, deploymentId, device, plan, intended.text, driver, options)));
  } catch (error) {
    return record({ status: 'failed', error: errorMessage(error) });
  } finally {
    ctx.store.locks.release(device.name, deploymentId);
  }
}

async function deployWithSession(ctx: PipelineContext, deploymentId: string, device: Device, plan: DevicePlan, intended: string, driver: IosDriver, options: DeviceDeployOptions): Promise<Outcome> {
  const log = ctx.logger.child({ device: device.name, deployment: deploymentId });
  const running = await driver.getRunningConfig();
  // Backed up first: its hash is the running config's, and a device found stale is worth a backup too.
  const before = await saveBackup(ctx, { device: device.name, config: running, reason: 'pre-deploy', deploymentId, trigger: ctx.actor });
  const backupBefore = before.backup.id;
  if (before.backup.sha256 !== plan.runningSha256) {
    return { status: 'stale', error: 'the running config changed since the plan (someone or something else changed the device): re-plan', backupBefore };
  }
  const baseline = await captureBaseline(driver, device.health_checks);
  if (options.dryRun) return { status: 'dry_run', backupBefore };

  // The record keeps the change's part of the session (timer, config mode), not the show outputs around it.
  const sessionMark = driver.channel.received;
  const armed = options.confirmTimerMin !== null && plan.risk.items.some((item) => item.category === 'management');
  if (armed) {
    await driver.armRevertTimer(options.confirmTimerMin as number);
    log.info('deploy', `revert timer armed: ${options.confirmTimerMin} min`);
  }
  const push = await driver.pushConfig(plan.commands, { existingSections: existingSectionsOfText(running) });
  const pushEnd = driver.channel.received;
  const changeTranscript = (): string => driver.redact(driver.channel.transcriptBetween(sessionMark, pushEnd));
  log.info('deploy', push.ok ? `pushed ${plural(plan.commands.length, 'command')} (${plural(push.applied.length, 'line')})` : `push stopped after ${push.applied.length} of ${plural(push.commands.length, 'line')}`);
  if (!push.ok) {
    const reason = push.failed ? `\`${push.failed.command.trim()}\` refused: ${deviceSaid(push.failed.output) ?? push.failed.reason}` : (push.error?.message ?? 'push failed');
    return fail(ctx, device, driver, { status: 'failed', error: reason, applied: push.applied, backupBefore, transcript: changeTranscript() }, running, options, armed, 'push_failed');
  }

  const checks = await runHealthChecks({ driver, reconnect: async () => (await ctx.sessions.open(device)).driver, checks: device.health_checks, baseline });
  // Read once: the convergence check and the post-deploy backup see the same config (only `write memory` comes between).
  const after = await driver.getRunningConfig().then((text) => ({ text }), (error: unknown) => ({ error }));
  checks.push('text' in after ? convergence(ctx, after.text, intended) : { name: 'convergence', ok: false, detail: errorMessage(after.error) });
  const failedChecks = checks.filter((c) => !c.ok);
  if (failedChecks.length > 0) {
    const error = `health checks failed: ${failedChecks.map((c) => `${c.name} (${c.detail})`).join('; ')}`;
    return fail(ctx, device, driver, { status: 'failed', error, applied: push.applied, checks, backupBefore, transcript: changeTranscript() }, running, options, armed, 'verify_failed');
  }
  if (armed) await driver.confirm();
  if (options.save) await driver.save();
  const saved = await saveBackup(ctx, { device: device.name, config: (after as { text: string }).text, reason: 'post-deploy', deploymentId, trigger: ctx.actor });
  return { status: 'succeeded', applied: push.applied, checks, backupBefore, backupAfter: saved.backup.id, transcript: changeTranscript() };
}

/** The device now runs its intended config: the engine finds nothing left to send. */
function convergence(ctx: PipelineContext, running: string, intended: string): CheckResult {
  try {
    const left = computePlan(ctx, running, intended).commands;
    if (left.length === 0) return { name: 'convergence', ok: true, detail: 'the running config matches the intended config' };
    return { name: 'convergence', ok: false, detail: `${left.length} command${left.length === 1 ? '' : 's'} still differ, first: ${left[0]?.text}` };
  } catch (error) {
    return { name: 'convergence', ok: false, detail: errorMessage(error) };
  }
}

/** After a failed push or failed checks: restore the backup unless told not to. */
async function fail(
  ctx: PipelineContext,
  device: Device,
  driver: IosDriver,
  outcome: Outcome,
  backupText: string,
  options: DeviceDeployOptions,
  armed: boolean,
  reason: 'push_failed' | 'verify_failed',
): Promise<Outcome> {
  const timerNote = armed ? `; the revert timer (${options.confirmTimerMin} min) was not confirmed, so the device reverts by itself` : '';
  if (!options.autoRollback) return { ...outcome, error: `${outcome.error}; not rolled back (auto rollback off)${timerNote}` };
  ctx.metrics.rollbacksTotal.inc({ reason });
  // The session may be gone (a change that cut CatNet off): restore over a new one then.
  const session = driver.channel.isOpen ? driver : await ctx.sessions.open(device).then((c) => c.driver, () => undefined);
  if (!session) return { ...outcome, status: 'rollback_failed', error: `${outcome.error}; cannot log in to restore the backup${timerNote}` };
  try {
    const restore = await restoreConfig(ctx, session, backupText);
    if (!restore.ok) return { ...outcome, status: 'rollback_failed', error: `${outcome.error}; restore failed: ${restore.error}${timerNote}` };
    if (armed) await session.confirm().catch(() => undefined);
    return { ...outcome, status: 'rolled_back', error: `${outcome.error}; ${restore.commands.length === 0 ? 'nothing had changed, the device is as before' : `restored the pre-deploy backup (${plural(restore.commands.length, 'line')})`}` };
  } finally {
    if (session !== driver) session.close();
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The device's own words for a refusal: its `%` line (`% Invalid input detected at '^' marker.`). */
function deviceSaid(output: string): string | undefined {
  return output.split('\n').find((line) => line.trim().startsWith('%'))?.trim();
}
