// A temporary configs folder per test, seen through a LocalSource named `configs/`.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { LocalSource } from '../../../src/config/sources/local.js';

export interface SourceFolder {
  readonly dir: string;
  readonly source: LocalSource;
  /** Writes files (paths relative to the folder), creating their folders. */
  put(files: Record<string, string>): Promise<void>;
}

export function useSourceFolder(prefix: string): SourceFolder {
  let dir = '';
  let source: LocalSource | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `catnet-${prefix}-`));
    source = new LocalSource(dir, 'configs/');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get source() {
      return source as LocalSource;
    },
    async put(files) {
      for (const [rel, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
        await writeFile(path.join(dir, rel), text);
      }
    },
  };
}
