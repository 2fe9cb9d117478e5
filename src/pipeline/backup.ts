// Backups of running configs on demand (`catnet backup`, schedules): fetched through the
// session pool, stored only when they differ from the device's last backup.

import type { Device } from '../config/inventory/index.js';
import type { BackupMeta, BackupReason } from '../store/backups.js';
import type { PipelineContext } from './context.js';
import { errorMessage } from './errors.js';
import { mapLimit } from './plan.js';
import { saveBackup } from './save-backup.js';

export interface BackupOutcome {
  device: string;
  ok: boolean;
  backup?: BackupMeta;
  /** False when the config was unchanged since the last backup (nothing written). */
  created?: boolean;
  error?: string;
}

export async function backupDevices(ctx: PipelineContext, devices: readonly Device[], reason: BackupReason = 'manual'): Promise<BackupOutcome[]> {
  return mapLimit(devices, ctx.project.inventory.settings.concurrency, async (device) => {
    const log = ctx.logger.child({ device: device.name });
    try {
      const config = await ctx.sessions.use(device, (driver) => driver.getRunningConfig());
      const { backup, created } = await saveBackup(ctx, { device: device.name, config, reason, trigger: ctx.actor });
      log.info('backup', created ? `saved ${backup.id}` : `unchanged since ${backup.id}`);
      return { device: device.name, ok: true, backup, created };
    } catch (error) {
      ctx.metrics.backupsTotal.inc({ result: 'failed' });
      log.error('backup', `backup failed: ${errorMessage(error)}`);
      return { device: device.name, ok: false, error: errorMessage(error) };
    }
  });
}
