// `catnet backup` (take backups now), `catnet backups list --device D`, `catnet backups show ID`
// (always redacted: backups keep secrets so they can be restored).

import { backupDevices } from '../../pipeline/backup.js';
import { selectDevices } from '../../pipeline/targets.js';
import { openProject } from '../../config/project.js';
import { redact } from '../../obs/redact.js';
import type { BackupStore } from '../../store/backups.js';
import { backupStoreFor } from '../../pipeline/context.js';
import { ExitCode, InputError, type ExitCodeValue } from '../exit-codes.js';
import { formatTable } from '../table.js';
import { withPipeline, type RunOptions } from './pipeline-run.js';
import type { ProjectCliOptions } from './project-options.js';

type Print = (text: string) => void;

export async function runBackup(run: RunOptions, selection: { device: string[]; group: string[] }, print: Print): Promise<ExitCodeValue> {
  const outcomes = await withPipeline(run, (ctx) => backupDevices(ctx, selectDevices(ctx.project.inventory, { devices: selection.device, groups: selection.group })));
  const rows = outcomes.map((o) => [o.device, o.ok ? (o.created ? 'saved' : 'unchanged') : 'failed', o.ok ? (o.backup?.id ?? '') : (o.error ?? '')]);
  print(redact(formatTable(['DEVICE', 'RESULT', 'BACKUP'], rows)));
  return outcomes.every((o) => o.ok) ? ExitCode.ok : ExitCode.error;
}

async function backupStore(project: ProjectCliOptions): Promise<{ store: BackupStore; devices: string[] }> {
  const { inventory } = await openProject({ configFile: project.config, keyFile: project.keyFile });
  return { store: backupStoreFor(inventory.settings), devices: inventory.devices.map((d) => d.name) };
}

export async function runBackupsList(project: ProjectCliOptions, options: { device: string; json?: boolean }, print: Print): Promise<ExitCodeValue> {
  const { store, devices } = await backupStore(project);
  if (!devices.includes(options.device)) throw new InputError(`no device "${options.device}" in ${project.config}`);
  const list = await store.list(options.device);
  if (options.json) {
    print(`${JSON.stringify(list, null, 2)}\n`);
    return ExitCode.ok;
  }
  if (list.length === 0) {
    print(`no backups of ${options.device} yet (take one with \`catnet backup --device ${options.device}\`)\n`);
    return ExitCode.ok;
  }
  print(formatTable(['BACKUP', 'TAKEN', 'REASON', 'DEPLOYMENT', 'BY', 'SHA256'], list.map((b) => [b.id, b.takenAt, b.reason, b.deploymentId ?? '-', b.trigger, b.sha256.slice(0, 12)])));
  return ExitCode.ok;
}

export async function runBackupsShow(project: ProjectCliOptions, id: string, print: Print): Promise<ExitCodeValue> {
  const { store } = await backupStore(project);
  const text = await store.display(id);
  if (text === undefined) throw new InputError(`no backup ${id} (see \`catnet backups list --device <device>\`)`);
  print(text.endsWith('\n') ? text : `${text}\n`);
  return ExitCode.ok;
}
