import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubSource, type GitHubSourceOptions } from '../../../src/config/sources/github.js';
import { useFakeGitHub } from './github-fake.js';

const longConfig = `hostname core-1\n${'interface GigabitEthernet0/1\n description uplink\n!\n'.repeat(20)}end\n`;

const fake = useFakeGitHub({
  repo: 'acme/network',
  refs: ['main', 'v1.2', 'release/2024'],
  files: {
    'README.md': '# network\n',
    'configs/core-1.cfg': longConfig,
    'configs/edge/edge-1.cfg': 'hostname edge-1\n',
    'configs/edge/edge-2.cfg': 'hostname edge-2\n',
    'configs/base.j2': 'hostname {{ name }}\n',
    'other/core-1.cfg': 'hostname elsewhere\n',
  },
});

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'catnet-github-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

const source = (options: Partial<GitHubSourceOptions> = {}) => new GitHubSource({ repo: 'acme/network', ref: 'main', path: 'configs', cacheDir, ...options });

const configsFolder = ['base.j2', 'core-1.cfg', 'edge/edge-1.cfg', 'edge/edge-2.cfg'];

describe('GitHubSource listing', () => {
  it.each(['main', 'v1.2', 'release/2024', fake.commitSha])('lists the files under the folder at ref %s, relative and sorted', async (ref) => {
    const src = source({ ref });
    expect(src.commitSha).toBeUndefined();
    expect(await src.listFiles()).toEqual(configsFolder);
    expect(src.commitSha).toBe(fake.commitSha);
    expect(fake.counts).toEqual({ commit: 1, repo: 0, tree: 1, blob: 0 });
  });

  it.each(['', '.', './', '/'])('lists the whole repository for path %j', async (path) => {
    const src = source({ path });
    expect(await src.listFiles()).toEqual(['README.md', ...configsFolder.map((f) => `configs/${f}`), 'other/core-1.cfg']);
    expect(src.description).toBe('github:acme/network@main');
    expect(src.locate('README.md')).toBe('github:acme/network@main:README.md');
  });

  it('accepts a nested folder written with slashes', async () => {
    expect(await source({ path: './configs/edge/' }).listFiles()).toEqual(['edge-1.cfg', 'edge-2.cfg']);
  });

  it('asks GitHub for the ref and the tree once per instance', async () => {
    const src = source();
    await Promise.all([src.listFiles(), src.listFiles(), src.readFile('core-1.cfg')]);
    await src.listFiles();
    expect(fake.counts.commit).toBe(1);
    expect(fake.counts.tree).toBe(1);
  });

  it('walks the folders one by one when the recursive tree is truncated', async () => {
    fake.truncate = true;
    const src = source();
    expect(await src.listFiles()).toEqual(configsFolder);
    expect(await src.readFile('edge/edge-2.cfg')).toBe('hostname edge-2\n');
    // The truncated answer, the root, configs/ and configs/edge/: other/ is never entered.
    expect(fake.counts.tree).toBe(4);
  });

  it('describes and locates itself with the repository, ref and folder', () => {
    const src = source({ ref: 'v1.2', path: 'configs/' });
    expect(src.description).toBe('github:acme/network@v1.2:configs');
    expect(src.locate('edge/edge-1.cfg')).toBe('github:acme/network@v1.2:configs/edge/edge-1.cfg');
  });

  it.each(['acme', 'acme/', '/network', 'acme/network/x', 'ac me/network', 'acme/..', 'https://github.com/acme/network'])('rejects the repository %j', (repo) => {
    expect(() => source({ repo })).toThrow(`invalid GitHub repository '${repo}': expected 'owner/name'`);
  });

  it('rejects a folder outside the repository', () => {
    expect(() => source({ path: '../x' })).toThrow(/leaves the repository/);
  });
});

describe('GitHubSource reading', () => {
  it('reads a file from its base64 blob', async () => {
    const src = source();
    expect(await src.readFile('core-1.cfg')).toBe(longConfig);
    expect(await src.readFile('./edge/edge-1.cfg')).toBe('hostname edge-1\n');
    expect(fake.counts.blob).toBe(2);
  });

  it('answers undefined for a file not in the folder, without asking for a blob', async () => {
    const src = source();
    expect(await src.readFile('missing.cfg')).toBeUndefined();
    expect(await src.readFile('edge')).toBeUndefined();
    expect(await src.readFile('../README.md')).toBeUndefined();
    expect(fake.counts.blob).toBe(0);
  });

  it('downloads a blob once when read twice at the same time', async () => {
    const src = source();
    const [a, b] = await Promise.all([src.readFile('core-1.cfg'), src.readFile('core-1.cfg')]);
    expect(a).toBe(longConfig);
    expect(b).toBe(longConfig);
    expect(fake.counts.blob).toBe(1);
  });

  it('serves a second instance from the disk cache: tree requests only', async () => {
    await source().readFile('core-1.cfg');
    expect(await readdir(cacheDir)).toHaveLength(1);
    fake.counts.blob = fake.counts.tree = 0;

    const again = source({ ref: 'v1.2' });
    expect(await again.readFile('core-1.cfg')).toBe(longConfig);
    expect(fake.counts.tree).toBe(1);
    expect(fake.counts.blob).toBe(0);
  });

  it('shares cached blobs between folders with the same content', async () => {
    await source({ path: 'configs/edge' }).readFile('edge-1.cfg');
    expect(await source({ path: '' }).readFile('configs/edge/edge-1.cfg')).toBe('hostname edge-1\n');
    expect(fake.counts.blob).toBe(1);
  });
});
