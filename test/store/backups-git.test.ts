import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupStore } from '../../src/store/backups.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

/** A fresh repository; the backups live in its `backups/` folder. */
function repo(identity = true) {
  const root = mkdtempSync(join(tmpdir(), 'catnet-backup-git-'));
  git(root, 'init', '--quiet');
  if (identity) {
    git(root, 'config', 'user.name', 'Test User');
    git(root, 'config', 'user.email', 'test@example.net');
  }
  const dir = join(root, 'backups');
  mkdirSync(dir);
  let now = new Date('2026-11-23T12:13:14Z');
  const store = new BackupStore(dir, { gitCommit: true, keepLast: 2, now: () => now });
  return { root, dir, store, later: () => (now = new Date(now.getTime() + 60_000)) };
}

const commits = (root: string) => git(root, 'log', '--format=%B%x00').split('\0').map((m) => m.trim()).filter(Boolean);
const config = (location: string) => `hostname r1\nsnmp-server location ${location}\nend\n`;

afterEach(() => vi.unstubAllEnvs());

describe('backups in Git', () => {
  it('commits each new backup with its reason, deployment, trigger and hash', async () => {
    const { root, store, later } = repo();
    const first = await store.save({ device: 'r1', config: config('a'), reason: 'pre-deploy', deploymentId: 'dep-1', trigger: 'alice' });
    later();
    const second = await store.save({ device: 'r1', config: config('b'), reason: 'manual', trigger: 'bob' });
    expect(first.commitError).toBeUndefined();
    expect(commits(root)).toEqual([
      `backup r1: manual\n\ntrigger: bob\nsha256: ${second.backup.sha256}`,
      `backup r1: pre-deploy\n\ndeployment: dep-1\ntrigger: alice\nsha256: ${first.backup.sha256}`,
    ]);
    expect(git(root, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(['backups/r1/20261123T121414Z.cfg', 'backups/r1/20261123T121414Z.json']);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('makes no commit when the config did not change', async () => {
    const { root, store, later } = repo();
    await store.save({ device: 'r1', config: config('a'), reason: 'manual', trigger: 't' });
    later();
    const again = await store.save({ device: 'r1', config: `Building configuration...\n${config('a')}`, reason: 'scheduled', trigger: 'cron' });
    expect(again.created).toBe(false);
    expect(commits(root)).toHaveLength(1);
  });

  it('never commits what the user staged, and leaves it staged', async () => {
    const { root, store } = repo();
    writeFileSync(join(root, 'notes.txt'), 'work in progress\n');
    git(root, 'add', 'notes.txt');
    await store.save({ device: 'r1', config: config('a'), reason: 'manual', trigger: 't' });
    expect(git(root, 'show', '--name-only', '--format=', 'HEAD')).not.toContain('notes.txt');
    expect(git(root, 'status', '--porcelain')).toBe('A  notes.txt\n');
  });

  it('records the backups retention removed', async () => {
    const { root, store, later } = repo();
    for (const location of ['a', 'b', 'c']) {
      later();
      await store.save({ device: 'r1', config: config(location), reason: 'manual', trigger: 't' });
    }
    expect(git(root, 'ls-files', 'backups').trim().split('\n')).toHaveLength(4);
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(git(root, 'show', '--name-status', '--format=', 'HEAD')).toMatch(/^D\tbackups\/r1\/20261123T121414Z\.cfg$/m);
  });

  it('commits as CatNet when no identity is configured', async () => {
    vi.stubEnv('GIT_CONFIG_GLOBAL', '/dev/null');
    vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
    const { root, store } = repo(false);
    const { commitError } = await store.save({ device: 'r1', config: config('a'), reason: 'manual', trigger: 't' });
    expect(commitError).toBeUndefined();
    expect(git(root, 'log', '-1', '--format=%an <%ae>').trim()).toBe('CatNet <catnet@localhost>');
  });

  it('saves without error outside a Git work tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catnet-backup-nogit-'));
    vi.stubEnv('GIT_CEILING_DIRECTORIES', tmpdir());
    const store = new BackupStore(dir, { gitCommit: true });
    const result = await store.save({ device: 'r1', config: config('a'), reason: 'manual', trigger: 't' });
    expect(result.created).toBe(true);
    expect(result.commitError).toBeUndefined();
  });

  it('reports a failed commit without losing the backup', async () => {
    const { root, store } = repo();
    writeFileSync(join(root, '.gitignore'), 'backups/\n');
    const result = await store.save({ device: 'r1', config: config('a'), reason: 'manual', trigger: 't' });
    expect(result.created).toBe(true);
    expect(result.commitError).toMatch(/ignored/);
    expect(store.latest('r1')).toEqual(result.backup);
  });
});
