// Where backups live and how their names are made and checked: `<dir>/<device>/<stamp>.cfg`
// with `<stamp>.json` beside it. Names come from outside (CLI arguments, plan files), so every
// one is checked before it becomes a path: nothing may lead out of the backup folder.

import { link, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { writeNewFile } from './atomic-file.js';

export class BackupPathError extends Error {
  override readonly name = 'BackupPathError';
}

/** `20261123T121314Z`, then `-2`, `-3`… for more backups within that second. */
const STAMP = /^(\d{8}T\d{6}Z)(?:-([2-9]|[1-9]\d+))?$/;

/** A device name that is one plain folder name: no separators, no `.`/`..`, nothing hidden. */
export function checkDevice(device: string): string {
  if (device === '' || device.startsWith('.') || /[/\\\0]/.test(device)) throw new BackupPathError(`invalid device name for a backup: ${JSON.stringify(device)}`);
  return device;
}

/** A backup id `<device>/<stamp>`, split and checked. */
export function parseBackupId(id: string): { device: string; stamp: string } {
  const slash = id.indexOf('/');
  const stamp = id.slice(slash + 1);
  if (slash < 0 || !STAMP.test(stamp)) throw new BackupPathError(`invalid backup id ${JSON.stringify(id)} (expected <device>/<YYYYMMDDTHHMMSSZ>)`);
  return { device: checkDevice(id.slice(0, slash)), stamp };
}

export function isStamp(name: string): boolean {
  return STAMP.test(name);
}

/** Orders stamps oldest first; `-10` after `-9`, which plain string order would not give. */
export function compareStamps(a: string, b: string): number {
  const [, baseA = '', seqA = '1'] = STAMP.exec(a) ?? [];
  const [, baseB = '', seqB = '1'] = STAMP.exec(b) ?? [];
  return baseA === baseB ? Number(seqA) - Number(seqB) : baseA < baseB ? -1 : 1;
}

export function stampOf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}

/**
 * Writes `content` as `<folder>/<stamp>.cfg`, the first free stamp of the series, and returns
 * that stamp. The file appears whole (written aside, then hard-linked) and never replaces one:
 * link fails on an existing name, even when another process took it a moment ago.
 */
export async function writeNewBackupFile(folder: string, base: string, content: string): Promise<string> {
  const temp = join(folder, `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await writeNewFile(temp, content, 0o600);
  try {
    for (let n = 1; ; n++) {
      const stamp = n === 1 ? base : `${base}-${n}`;
      try {
        await link(temp, join(folder, `${stamp}.cfg`));
        return stamp;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
