// The backup store: running configs as files, `<dir>/<device>/<stamp>.cfg`, each with a
// `.json` of metadata. A backup is only written when the config changed since the device's
// last one (no noise in the folder or its Git history). Files keep secrets, so a backup can be
// restored; every display goes through redact.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { IosConfigError, stripVolatileLines } from '../ios/index.js';
import { redact } from '../obs/redact.js';
import { strippedConfigHash } from './config-hash.js';
import { writeFileAtomic } from './atomic-file.js';
import { checkDevice, compareStamps, isStamp, parseBackupId, stampOf, writeNewBackupFile } from './backup-files.js';
import { commitBackup, insideWorkTree } from './backup-git.js';
import { expiredBackups } from './backup-retention.js';

export { BackupPathError } from './backup-files.js';

export type BackupReason = 'manual' | 'pre-deploy' | 'post-deploy' | 'plan' | 'scheduled' | 'rollback' | 'pre-rollback';

export interface BackupMeta {
  /** `<device>/<stamp>`, e.g. `core-1/20261123T121314Z`. */
  id: string;
  device: string;
  /** ISO 8601, UTC. */
  takenAt: string;
  reason: BackupReason;
  deploymentId?: string;
  /** configHash of the config: equal for configs that differ only in noise. */
  sha256: string;
  /** Who or what took it (user, schedule, CI actor). */
  trigger: string;
  /** The config file, relative to the backup folder. */
  file: string;
}

export interface SaveBackup {
  device: string;
  /** The running config as the device printed it. */
  config: string;
  reason: BackupReason;
  deploymentId?: string;
  trigger: string;
}

export interface SaveResult {
  /** The new backup, or the latest one when the config had not changed. */
  backup: BackupMeta;
  created: boolean;
  /** Set when the backup was saved but committing it to Git failed (the backup still counts). */
  commitError?: string;
}

export interface BackupStoreOptions {
  gitCommit?: boolean;
  keepLast?: number | null;
  maxAgeDays?: number | null;
  now?: () => Date;
}

export class BackupStore {
  private readonly now: () => Date;
  /** A device's saves run one at a time ("unchanged?" must see its previous save); devices run in parallel. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Git has one index: commits run one at a time. */
  private gitQueue: Promise<unknown> = Promise.resolve();
  /** Whether the folder is in a Git work tree, asked once (a `git` process per save was a third of a fleet backup's time). */
  private workTree: Promise<boolean> | undefined;

  constructor(
    readonly dir: string,
    private readonly options: BackupStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  save(request: SaveBackup): Promise<SaveResult> {
    const previous = this.queues.get(request.device) ?? Promise.resolve();
    const result = previous.then(() => this.saveNow(request));
    const settled = result.catch(() => undefined);
    this.queues.set(request.device, settled);
    // Forget the chain once it is done, so a long-running service does not keep one per device forever.
    void settled.then(() => this.queues.get(request.device) === settled && this.queues.delete(request.device));
    return result;
  }

  private async saveNow({ device, config, reason, deploymentId, trigger }: SaveBackup): Promise<SaveResult> {
    const folder = join(this.dir, checkDevice(device));
    const text = stripVolatileLines(config);
    const sha256 = strippedConfigHash(text);
    const latest = this.latest(device);
    if (latest?.sha256 === sha256) return { backup: latest, created: false };
    // Only a whole running config is kept: truncated device output must not become the backup
    // a rollback restores. IOS ends every one with `end` (a full parse cost ~5 ms per backup).
    if (!/(?:^|\n)end[ \t]*(?:\r?\n)*$/.test(text)) throw new IosConfigError('parse', `the running config of ${device} is not complete (no final \`end\`): not kept as a backup`);

    const takenAt = this.now();
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const stamp = await writeNewBackupFile(folder, stampOf(takenAt), text);
    const backup: BackupMeta = {
      id: `${device}/${stamp}`,
      device,
      takenAt: takenAt.toISOString(),
      reason,
      ...(deploymentId === undefined ? {} : { deploymentId }),
      sha256,
      trigger,
      file: `${device}/${stamp}.cfg`,
    };
    await writeFileAtomic(join(folder, `${stamp}.json`), `${JSON.stringify(backup, null, 2)}\n`, { mode: 0o600 });
    const removed = await this.applyRetention(device, takenAt);
    const commitError = await this.commit(backup, removed);
    return { backup, created: true, ...(commitError === undefined ? {} : { commitError }) };
  }

  /** Deletes expired backups of `device`; returns their file paths relative to the folder. */
  private async applyRetention(device: string, now: Date): Promise<string[]> {
    const expired = expiredBackups(this.list(device), this.options, now);
    const removed: string[] = [];
    for (const old of expired) {
      for (const file of [`${old.id}.cfg`, `${old.id}.json`]) {
        await unlink(join(this.dir, file)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
        removed.push(file);
      }
    }
    return removed;
  }

  private async commit(backup: BackupMeta, removed: string[]): Promise<string | undefined> {
    if (!this.options.gitCommit || !(await (this.workTree ??= insideWorkTree(this.dir)))) return undefined;
    const body = [...(backup.deploymentId === undefined ? [] : [`deployment: ${backup.deploymentId}`]), `trigger: ${backup.trigger}`, `sha256: ${backup.sha256}`];
    const message = `backup ${backup.device}: ${backup.reason}\n\n${body.join('\n')}\n`;
    try {
      const commit = this.gitQueue.then(() => commitBackup(this.dir, { added: [backup.file, `${backup.id}.json`], removed, message }));
      this.gitQueue = commit.catch(() => undefined);
      await commit;
      return undefined;
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
      return stderr || (error instanceof Error ? error.message : String(error));
    }
  }

  /** The device's newest backup. */
  latest(device: string): BackupMeta | undefined {
    // Every save asks: only the newest metadata is read, not the device's whole history.
    for (const stamp of this.stamps(device)) {
      const meta = this.readMeta(device, stamp);
      if (meta) return meta;
    }
    return undefined;
  }

  /** The device's backups, newest first. */
  list(device: string): BackupMeta[] {
    // A .json is written after its .cfg: one without a .cfg was cut short or half deleted.
    return this.stamps(device)
      .map((stamp) => this.readMeta(device, stamp))
      .filter((meta): meta is BackupMeta => meta !== undefined);
  }

  /** Stamps of the device's metadata files, newest first. */
  private stamps(device: string): string[] {
    return entries(join(this.dir, checkDevice(device)))
      .filter((name) => name.endsWith('.json') && isStamp(name.slice(0, -5)))
      .map((name) => name.slice(0, -5))
      .sort((a, b) => compareStamps(b, a));
  }

  /** A backup with its text as stored (secrets intact: for restoring, never for display). */
  get(id: string): { meta: BackupMeta; text: string } | undefined {
    const { device, stamp } = parseBackupId(id);
    const meta = this.readMeta(device, stamp);
    const text = meta && readText(join(this.dir, device, `${stamp}.cfg`));
    return meta && text !== undefined ? { meta, text } : undefined;
  }

  /** A backup's text for people: secrets masked. */
  display(id: string): string | undefined {
    const stored = this.get(id);
    return stored && redact(stored.text);
  }

  /** Devices with a backup folder, sorted. */
  devices(): string[] {
    return entries(this.dir)
      .filter((name) => !name.startsWith('.') && isDirectory(join(this.dir, name)))
      .sort();
  }

  private readMeta(device: string, stamp: string): BackupMeta | undefined {
    const json = readText(join(this.dir, device, `${stamp}.json`));
    if (json === undefined || !existsSync(join(this.dir, device, `${stamp}.cfg`))) return undefined;
    // The id comes from the file's place, not its content: a moved or edited file cannot point elsewhere.
    return { ...(JSON.parse(json) as BackupMeta), id: `${device}/${stamp}`, device, file: `${device}/${stamp}.cfg` };
  }
}

function entries(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
