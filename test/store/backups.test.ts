import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MASK, registerSecret, resetRedaction } from '../../src/obs/redact.js';
import { configHash } from '../../src/store/config-hash.js';
import { BackupPathError, BackupStore } from '../../src/store/backups.js';

const CONFIG = 'hostname core-1\n!\nenable secret 9 $9$abcdefgh$ijklmnop\nusername admin privilege 15 secret 0 Sw0rdfish!\n!\ninterface GigabitEthernet0/1\n description uplink\n!\nend\n';
const RAW = `Building configuration...\n\nCurrent configuration : 321 bytes\n!\n! Last configuration change at 12:13:14 UTC Mon Nov 23 2026\n${CONFIG}`;

function storeAt(date = '2026-11-23T12:13:14.500Z') {
  const dir = mkdtempSync(join(tmpdir(), 'catnet-backups-'));
  const clock = { now: new Date(date) };
  return { dir, clock, store: new BackupStore(dir, { now: () => clock.now }) };
}

afterEach(() => resetRedaction());

describe('BackupStore.save', () => {
  it('writes the config without volatile lines, and its metadata, both owner-only', async () => {
    const { dir, store } = storeAt();
    const { backup, created } = await store.save({ device: 'core-1', config: RAW, reason: 'pre-deploy', deploymentId: 'd-42', trigger: 'alice' });
    expect(created).toBe(true);
    expect(backup).toEqual({
      id: 'core-1/20261123T121314Z',
      device: 'core-1',
      takenAt: '2026-11-23T12:13:14.500Z',
      reason: 'pre-deploy',
      deploymentId: 'd-42',
      sha256: configHash(CONFIG),
      trigger: 'alice',
      file: 'core-1/20261123T121314Z.cfg',
    });
    const cfg = join(dir, 'core-1', '20261123T121314Z.cfg');
    const json = join(dir, 'core-1', '20261123T121314Z.json');
    expect(readFileSync(cfg, 'utf8')).toBe(`\n!\n${CONFIG}`);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(backup);
    expect(statSync(cfg).mode & 0o777).toBe(0o600);
    expect(statSync(json).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'core-1')).sort()).toEqual(['20261123T121314Z.cfg', '20261123T121314Z.json']);
  });

  it('leaves deploymentId out when there is none', async () => {
    const { store } = storeAt();
    const { backup } = await store.save({ device: 'r1', config: CONFIG, reason: 'manual', trigger: 'bob' });
    expect('deploymentId' in backup).toBe(false);
  });

  it('writes nothing when only volatile lines or line endings changed', async () => {
    const { dir, clock, store } = storeAt();
    const first = await store.save({ device: 'r1', config: RAW, reason: 'manual', trigger: 'bob' });
    clock.now = new Date('2026-11-24T00:00:00Z');
    const noisy = RAW.replace('321 bytes', '999 bytes').replace('12:13:14', '23:59:59').replaceAll('\n', '\r\n');
    const again = await store.save({ device: 'r1', config: noisy, reason: 'scheduled', trigger: 'cron' });
    expect(again).toEqual({ backup: first.backup, created: false });
    expect(readdirSync(join(dir, 'r1'))).toHaveLength(2);
  });

  it('writes a new backup for a real change, newest first in the list', async () => {
    const { clock, store } = storeAt();
    await store.save({ device: 'r1', config: CONFIG, reason: 'manual', trigger: 'bob' });
    clock.now = new Date('2026-11-23T13:00:00Z');
    const { backup, created } = await store.save({ device: 'r1', config: CONFIG.replace('uplink', 'core uplink'), reason: 'post-deploy', trigger: 'bob' });
    expect(created).toBe(true);
    expect(store.list('r1').map((b) => b.id)).toEqual(['r1/20261123T130000Z', 'r1/20261123T121314Z']);
    expect(store.latest('r1')).toEqual(backup);
  });

  it('names backups within one second -2, -3, … and orders them past -9', async () => {
    const { dir, store } = storeAt();
    const ids: string[] = [];
    for (let n = 1; n <= 11; n++) ids.push((await store.save({ device: 'r1', config: `hostname r${n}\nend\n`, reason: 'manual', trigger: 't' })).backup.id);
    expect(ids.slice(0, 3)).toEqual(['r1/20261123T121314Z', 'r1/20261123T121314Z-2', 'r1/20261123T121314Z-3']);
    expect(store.list('r1').map((b) => b.id)).toEqual([...ids].reverse());
    expect(readdirSync(join(dir, 'r1')).filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
  });

  it('serialises concurrent saves of one config into one backup', async () => {
    const { store } = storeAt();
    const results = await Promise.all([1, 2, 3].map(() => store.save({ device: 'r1', config: CONFIG, reason: 'manual', trigger: 't' })));
    expect(results.map((r) => r.created)).toEqual([true, false, false]);
  });

  it('refuses output that is not a whole running config (truncated: no final end), writing nothing', async () => {
    const { dir, store } = storeAt();
    await expect(store.save({ device: 'r1', config: 'hostname r1\n!\ninterface GigabitEthernet0/1\n', reason: 'manual', trigger: 't' })).rejects.toThrow(/not complete/);
    expect(store.list('r1')).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('BackupStore reading', () => {
  it('get keeps secrets for restoring; display masks them', async () => {
    const { store } = storeAt();
    registerSecret('core uplink secret words');
    const config = CONFIG.replace('description uplink', 'description core uplink secret words');
    const { backup } = await store.save({ device: 'core-1', config, reason: 'manual', trigger: 't' });
    const stored = store.get(backup.id);
    expect(stored?.meta).toEqual(backup);
    expect(stored?.text).toContain('enable secret 9 $9$abcdefgh$ijklmnop');
    expect(stored?.text).toContain('core uplink secret words');
    const shown = store.display(backup.id) ?? '';
    expect(shown).toContain(`enable secret 9 ${MASK}`);
    expect(shown).toContain(`secret 0 ${MASK}`);
    expect(shown).not.toContain('ijklmnop');
    expect(shown).not.toContain('Sw0rdfish');
    expect(shown).not.toContain('core uplink secret words');
    expect(shown).toContain('hostname core-1');
  });

  it('answers undefined or empty for what does not exist', () => {
    const { store } = storeAt();
    expect(store.get('r1/20261123T121314Z')).toBeUndefined();
    expect(store.display('r1/20261123T121314Z')).toBeUndefined();
    expect(store.latest('r1')).toBeUndefined();
    expect(store.list('r1')).toEqual([]);
    expect(store.devices()).toEqual([]);
    expect(new BackupStore(join(tmpdir(), 'catnet-no-such-dir-x')).devices()).toEqual([]);
  });

  it('lists the devices that have backups', async () => {
    const { store } = storeAt();
    await store.save({ device: 'sw-2', config: CONFIG, reason: 'manual', trigger: 't' });
    await store.save({ device: 'core-1', config: CONFIG, reason: 'manual', trigger: 't' });
    expect(store.devices()).toEqual(['core-1', 'sw-2']);
  });

  it('refuses ids and devices that would lead out of the folder', async () => {
    const { store } = storeAt();
    for (const id of ['../r1/20261123T121314Z', 'r1/../../etc/passwd', 'r1/20261123T121314Z/..', '/etc/passwd', '..', 'r1', 'a/b/20261123T121314Z', '.git/20261123T121314Z', 'r1/20261123T121314Z.cfg']) {
      expect(() => store.get(id), id).toThrow(BackupPathError);
      expect(() => store.display(id), id).toThrow(BackupPathError);
    }
    for (const device of ['..', '.', '', 'a/b', '../x', 'a\\b', '.git']) {
      expect(() => store.list(device), device).toThrow(BackupPathError);
      await expect(store.save({ device, config: CONFIG, reason: 'manual', trigger: 't' })).rejects.toThrow(BackupPathError);
    }
  });
});
