import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalSource } from '../../../src/config/sources/local.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'catnet-local-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(rel: string, text = ''): Promise<void> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), text);
}

describe('LocalSource', () => {
  it('lists files recursively, posix, sorted, without dotfiles or dot-folders', async () => {
    for (const f of ['core-2.cfg', 'core-1.cfg', 'templates/sub/b.njk', 'templates/a.njk', 'Z.cfg', '.hidden', '.git/config', 'templates/.swp']) await put(f);
    await mkdir(path.join(dir, 'empty'));
    expect(await new LocalSource(dir).listFiles()).toEqual(['Z.cfg', 'core-1.cfg', 'core-2.cfg', 'templates/a.njk', 'templates/sub/b.njk']);
  });

  it('follows symlinks to files but not to folders', async () => {
    await put('real.cfg');
    await symlink(path.join(dir, 'real.cfg'), path.join(dir, 'link.cfg'));
    await symlink(dir, path.join(dir, 'loop'));
    expect(await new LocalSource(dir).listFiles()).toEqual(['link.cfg', 'real.cfg']);
  });

  it('reads files, and gives undefined for missing ones', async () => {
    await put('templates/a.njk', 'hostname {{ x }}\n');
    const source = new LocalSource(dir);
    expect(await source.readFile('templates/a.njk')).toBe('hostname {{ x }}\n');
    expect(await source.readFile('templates/./sub/../a.njk')).toBe('hostname {{ x }}\n');
    expect(await source.readFile('nope.cfg')).toBeUndefined();
    expect(await source.readFile('templates/a.njk/x')).toBeUndefined();
  });

  it.each(['../secret', 'a/../../secret', '/etc/passwd', '..'])('refuses %s, which leaves the root', async (p) => {
    await expect(new LocalSource(dir, 'configs').readFile(p)).rejects.toThrow(/leaves configs\//);
  });

  it('names files with the display folder', () => {
    expect(new LocalSource(dir, 'configs').description).toBe('configs/');
    expect(new LocalSource(dir, 'configs/').locate('core-1.cfg')).toBe('configs/core-1.cfg');
    expect(new LocalSource('some/dir').locate('a/b.cfg')).toBe('some/dir/a/b.cfg');
  });

  it('reports a missing folder by its display name', async () => {
    await expect(new LocalSource(path.join(dir, 'missing'), 'configs/').listFiles()).rejects.toThrow('cannot list configs/: no such file');
  });
});
