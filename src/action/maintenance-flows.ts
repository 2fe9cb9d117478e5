// The Action's other commands, for scheduled or manual workflows: `backup` (the selected
// devices, or all) and `rollback` (the `devices` input, to `rollback-to`). Results go to the job
// summary and outputs; the run fails when a device failed.

import * as core from '@actions/core';
import { backupDevices } from '../pipeline/backup.js';
import { closePipeline } from '../pipeline/context.js';
import { errorMessage } from '../pipeline/errors.js';
import { applyRollback, rollbackTarget } from '../pipeline/rollback.js';
import { selectDevices } from '../pipeline/targets.js';
import { redact } from '../obs/redact.js';
import { commitRunBackups } from './backup-branch.js';
import { setOutputs, writeSummary } from './report.js';
import { openRunPipeline, type ActionRun } from './run.js';

export async function runBackupFlow(run: ActionRun): Promise<void> {
  const devices = selectDevices(run.project.inventory, { devices: run.inputs.devices, groups: run.inputs.groups });
  const ctx = openRunPipeline(run, 'action:backup');
  try {
    const outcomes = await backupDevices(ctx, devices, 'scheduled');
    const rows = outcomes.map((o) => `| ${o.device} | ${o.ok ? (o.created ? 'new backup' : 'unchanged') : 'failed'} | ${o.backup?.id ?? ''} | ${redact(o.error ?? '')} |`);
    await writeSummary(['# CatNet backup', '', '| device | result | backup | error |', '|---|---|---|---|', ...rows, ''].join('\n'));
    const failed = outcomes.filter((o) => !o.ok);
    setOutputs({ status: failed.length === 0 ? 'succeeded' : 'failed', 'has-changes': String(outcomes.some((o) => o.created)), 'devices-changed': outcomes.filter((o) => o.created).map((o) => o.device).join(',') });
    await commitRunBackups(run, outcomes.map((o) => (o.created ? o.backup?.id : undefined)), 'backup');
    if (failed.length > 0) core.setFailed(`backup failed on ${failed.map((o) => o.device).join(', ')}`);
  } finally {
    closePipeline(ctx);
  }
}

export async function runRollbackFlow(run: ActionRun): Promise<void> {
  if (run.inputs.devices.length === 0 && run.inputs.groups.length === 0) throw new Error('command rollback needs the devices (or groups) input: which devices to restore');
  const devices = selectDevices(run.project.inventory, { devices: run.inputs.devices, groups: run.inputs.groups });
  const ctx = openRunPipeline(run, 'action:rollback');
  const rows: string[] = [];
  const failed: string[] = [];
  try {
    for (const device of devices) {
      try {
        const backup = rollbackTarget(ctx, device, run.inputs.rollbackTo);
        const result = await applyRollback(ctx, device, backup, { save: run.project.inventory.settings.deploy.save });
        rows.push(`| ${device.name} | ${backup.id} | ${result.ok ? `restored (${result.applied.length} commands)` : `failed: ${redact(result.error ?? '')}`} |`);
        if (!result.ok) failed.push(device.name);
      } catch (error) {
        rows.push(`| ${device.name} | — | failed: ${redact(errorMessage(error))} |`);
        failed.push(device.name);
      }
    }
    await writeSummary(['# CatNet rollback', '', '| device | backup | result |', '|---|---|---|', ...rows, ''].join('\n'));
    setOutputs({ status: failed.length === 0 ? 'succeeded' : 'failed' });
    if (failed.length > 0) core.setFailed(`rollback failed on ${failed.join(', ')}`);
  } finally {
    closePipeline(ctx);
  }
}
