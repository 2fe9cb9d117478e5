// Intended configs in a folder on disk (the repository checkout's `configs/`). Paths are posix
// and relative to the folder, as for every ConfigSource, so that messages and templates look
// the same whether the configs come from disk or from GitHub.

import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readFailureReason } from '../config-file-error.js';
import type { ConfigSource } from './source.js';

export class LocalSource implements ConfigSource {
  readonly description: string;

  /**
   * @param dir the folder, absolute or relative to the working directory.
   * @param displayDir how to name it in messages (`configs/`); defaults to `dir`.
   */
  constructor(
    private readonly dir: string,
    displayDir?: string,
  ) {
    const shown = (displayDir ?? dir).replaceAll(path.sep, '/');
    this.description = shown.endsWith('/') ? shown : `${shown}/`;
  }

  async listFiles(): Promise<string[]> {
    const files: string[] = [];
    await this.walk('', files);
    // Code-unit order, not locale order: the same on every machine.
    return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async readFile(file: string): Promise<string | undefined> {
    const full = path.join(this.dir, ...checkRelative(file, this.description).split('/'));
    try {
      return await readFile(full, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new Error(`cannot read ${this.locate(file)}: ${readFailureReason(error)}`);
    }
  }

  locate(file: string): string {
    return `${this.description}${file}`;
  }

  private async walk(relDir: string, out: string[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(this.dir, relDir), { withFileTypes: true });
    } catch (error) {
      throw new Error(`cannot list ${this.description}${relDir}: ${readFailureReason(error)}`);
    }
    for (const entry of entries) {
      // Dotfiles and dot-folders (.git, .DS_Store, editor swap files) are never configs.
      if (entry.name.startsWith('.')) continue;
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.isDirectory()) await this.walk(rel, out);
      else if (entry.isFile() || (entry.isSymbolicLink() && (await isFileTarget(path.join(this.dir, rel))))) out.push(rel);
    }
  }
}

/** Symlinks are followed to files only: a link to a folder could loop back on itself. */
async function isFileTarget(link: string): Promise<boolean> {
  return (await stat(link).catch(() => undefined))?.isFile() ?? false;
}

/** `file` normalised, or an error when it is absolute or leaves the source's root. */
function checkRelative(file: string, root: string): string {
  const normal = path.posix.normalize(file.replaceAll('\\', '/'));
  if (path.posix.isAbsolute(normal) || path.win32.isAbsolute(file) || normal === '..' || normal.startsWith('../')) {
    throw new Error(`refusing to read ${JSON.stringify(file)}: the path leaves ${root}`);
  }
  return normal;
}
