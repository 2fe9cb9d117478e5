// Blobs fetched from GitHub, kept on disk by their SHA. A blob SHA is the hash of its content,
// so an entry never goes stale and later runs at any ref reuse it without asking GitHub.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../store/atomic-file.js';

// SHA-1 or SHA-256 in hex: anything else from the network must not become a file name.
const BLOB_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export class BlobCache {
  constructor(readonly dir: string) {}

  /** The cached bytes of blob `sha`, or undefined when they are not cached. */
  async get(sha: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.file(sha));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Stores blob `sha`; written to a temporary file and renamed, so a reader never sees half of it. */
  async put(sha: string, content: Buffer): Promise<void> {
    await writeFileAtomic(this.file(sha), content, { mode: 0o644, mkdir: true });
  }

  private file(sha: string): string {
    if (!BLOB_SHA.test(sha)) throw new Error(`not a git blob SHA: '${sha}'`);
    return join(this.dir, sha);
  }
}
