// Files CatNet writes that must never be seen half-written: credentials after a rotation,
// backups, cached blobs, state. The content goes to a temporary file in the same folder, is
// flushed to disk, and is renamed over the target, so a crash leaves the old file or the new one.

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Permission bits, exact (the umask is not applied); default 0o600: readable by the owner only. */
  mode?: number;
  /** Create missing parent folders (0o700). */
  mkdir?: boolean;
}

export async function writeFileAtomic(file: string, content: string | Buffer, options: AtomicWriteOptions = {}): Promise<void> {
  if (options.mkdir) await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNewFile(temp, content, options.mode);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Creates `file`, failing with EEXIST when it exists (for backups that must not overwrite). */
export async function writeNewFile(file: string, content: string | Buffer, mode = 0o600): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    // The umask may have taken bits away, never added: chmod makes the mode exact either way.
    await handle.chmod(mode);
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
