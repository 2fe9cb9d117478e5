// Manual rollback (`catnet rollback --device D --to …`): choose the backup, show what restoring
// it would send, then restore it and check the device converged on it.

import type { Device } from '../config/inventory/index.js';
import type { ConfigPlan } from '../ios/index.js';
import type { BackupMeta } from '../store/backups.js';
import type { PipelineContext } from './context.js';
import { computePlan } from './plan.js';
import { restoreConfig, type RestoreResult } from './restore.js';

export class RollbackTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RollbackTargetError';
  }
}

/**
 * `latest`: the backup taken before the device's most recent deployment (what it ran before the
 * last change), else its newest backup; `deployment:<id>`: the one taken before that deployment;
 * otherwise a backup id (`core-1/20261123T101500Z`).
 */
export function rollbackTarget(ctx: PipelineContext, device: Device, to: string): BackupMeta {
  const { backups, store } = ctx;
  let id: string | undefined;
  if (to === 'latest') {
    const last = store.history.deviceHistory(device.name, 50).find((r) => r.backupBefore !== undefined && r.status !== 'dry_run');
    id = last?.backupBefore ?? backups.latest(device.name)?.id;
    if (!id) throw new RollbackTargetError(`${device.name} has no backup to roll back to`);
  } else if (to.startsWith('deployment:')) {
    const deploymentId = to.slice('deployment:'.length);
    const result = store.history.deviceResults(deploymentId).find((r) => r.device === device.name);
    if (!result) throw new RollbackTargetError(`deployment ${deploymentId} did not touch ${device.name}`);
    if (!result.backupBefore) throw new RollbackTargetError(`deployment ${deploymentId} took no backup of ${device.name} (status ${result.status})`);
    id = result.backupBefore;
  } else {
    id = to.includes('/') ? to : `${device.name}/${to}`;
  }
  const meta = backups.get(id)?.meta;
  if (!meta) throw new RollbackTargetError(`no backup ${id} (see \`catnet backups list --device ${device.name}\`)`);
  if (meta.device !== device.name) throw new RollbackTargetError(`backup ${id} is of ${meta.device}, not ${device.name}`);
  return meta;
}

export interface RollbackPreview {
  backup: BackupMeta;
  plan: ConfigPlan;
}

/** What restoring `backup` would send to the device now. */
export async function previewRollback(ctx: PipelineContext, device: Device, backup: BackupMeta): Promise<RollbackPreview> {
  const target = backupText(ctx, backup);
  const running = await ctx.sessions.use(device, (driver) => driver.getRunningConfig());
  return { backup, plan: computePlan(ctx, running, target, backup.id) };
}

export async function applyRollback(ctx: PipelineContext, device: Device, backup: BackupMeta, options: { save: boolean }): Promise<RestoreResult> {
  const target = backupText(ctx, backup);
  ctx.metrics.rollbacksTotal.inc({ reason: 'manual' });
  return ctx.sessions.use(device, async (driver) => {
    const result = await restoreConfig(ctx, driver, target);
    if (result.ok && options.save) await driver.save();
    const log = ctx.logger.child({ device: device.name });
    (result.ok ? log.info : log.error)('rollback', result.ok ? `restored ${backup.id} (${result.commands.length} commands)` : `restore of ${backup.id} failed: ${result.error}`);
    return result;
  });
}

function backupText(ctx: PipelineContext, backup: BackupMeta): string {
  const stored = ctx.backups.get(backup.id);
  if (!stored) throw new RollbackTargetError(`backup ${backup.id} disappeared`);
  return stored.text;
}
