import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { DeviceLocks, type AcquireResult } from '../../src/store/locks.js';

const t0 = new Date(Date.UTC(2026, 10, 23, 9, 0, 0));
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('DeviceLocks', () => {
  let db: ReturnType<typeof openDatabase>;
  let locks: DeviceLocks;
  beforeEach(() => {
    db = openDatabase(':memory:');
    locks = new DeviceLocks(db);
  });
  afterEach(() => db.close());

  it('gives a free device to the first owner and refuses others, naming the holder', () => {
    expect(locks.acquire('r1', 'd-a', 60_000, t0)).toEqual({ ok: true });
    expect(locks.acquire('r1', 'd-b', 60_000, later(1000))).toEqual({ ok: false, holder: { owner: 'd-a', expiresAt: later(60_000).toISOString() } });
    expect(locks.holder('r1', later(1000))).toEqual({ owner: 'd-a', expiresAt: later(60_000).toISOString() });
    // Other devices are unaffected.
    expect(locks.acquire('r2', 'd-b', 60_000, t0)).toEqual({ ok: true });
  });

  it('lets the holder acquire again, extending its lease', () => {
    locks.acquire('r1', 'd-a', 60_000, t0);
    expect(locks.acquire('r1', 'd-a', 60_000, later(30_000))).toEqual({ ok: true });
    expect(locks.holder('r1', later(30_000))?.expiresAt).toBe(later(90_000).toISOString());
  });

  it('lets another owner take over an expired lease, and the old owner cannot renew it', () => {
    locks.acquire('r1', 'd-a', 60_000, t0);
    expect(locks.holder('r1', later(60_000))).toBeUndefined();
    expect(locks.acquire('r1', 'd-b', 60_000, later(60_000))).toEqual({ ok: true });
    expect(locks.holder('r1', later(60_000))?.owner).toBe('d-b');
    expect(locks.renew('r1', 'd-a', 60_000, later(61_000))).toBe(false);
    expect(locks.release('r1', 'd-a')).toBe(false);
    expect(locks.holder('r1', later(61_000))?.owner).toBe('d-b');
  });

  it('renews only the owner’s lease, pushing its expiry out', () => {
    locks.acquire('r1', 'd-a', 60_000, t0);
    expect(locks.renew('r1', 'd-a', 60_000, later(50_000))).toBe(true);
    expect(locks.acquire('r1', 'd-b', 60_000, later(70_000)).ok).toBe(false);
    expect(locks.holder('r1', later(70_000))).toEqual({ owner: 'd-a', expiresAt: later(110_000).toISOString() });
    expect(locks.renew('r1', 'd-b', 60_000, later(70_000))).toBe(false);
    expect(locks.renew('r9', 'd-a', 60_000, later(70_000))).toBe(false);
  });

  it('renews a lapsed lease nobody took: it is still the owner’s', () => {
    locks.acquire('r1', 'd-a', 60_000, t0);
    expect(locks.renew('r1', 'd-a', 60_000, later(90_000))).toBe(true);
    expect(locks.holder('r1', later(90_000))?.owner).toBe('d-a');
  });

  it('releases only for the owner', () => {
    locks.acquire('r1', 'd-a', 60_000, t0);
    expect(locks.release('r1', 'd-b')).toBe(false);
    expect(locks.holder('r1', t0)?.owner).toBe('d-a');
    expect(locks.release('r1', 'd-a')).toBe(true);
    expect(locks.holder('r1', t0)).toBeUndefined();
    expect(locks.acquire('r1', 'd-b', 60_000, t0)).toEqual({ ok: true });
  });

  it('releases every lease of one owner at once', () => {
    for (const device of ['r1', 'r2', 'r3']) locks.acquire(device, 'd-a', 60_000, t0);
    locks.acquire('r4', 'd-b', 60_000, t0);
    expect(locks.releaseAll('d-a')).toBe(3);
    expect(['r1', 'r2', 'r3', 'r4'].map((d) => locks.holder(d, t0)?.owner)).toEqual([undefined, undefined, undefined, 'd-b']);
  });
});

describe('DeviceLocks across connections to one file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'catnet-locks-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets only one of two connections win the same device', () => {
    const file = join(dir, 'catnet.db');
    const first = openDatabase(file);
    const second = openDatabase(file);
    const a = new DeviceLocks(first);
    const b = new DeviceLocks(second);
    const results = [a.acquire('r1', 'd-a', 60_000, t0), b.acquire('r1', 'd-b', 60_000, t0)];
    expect(results).toEqual([{ ok: true }, { ok: false, holder: { owner: 'd-a', expiresAt: later(60_000).toISOString() } }]);
    expect(b.holder('r1', t0)?.owner).toBe('d-a');
    first.close();
    second.close();
  });

  it('lets exactly one of several processes racing for a device win', async () => {
    const file = join(dir, 'catnet.db');
    openDatabase(file).close(); // migrated once, before the race
    const racer = join(import.meta.dirname, 'lock-racer.ts');
    const startAt = Date.now() + 1500;
    const run = promisify(execFile);
    const owners = ['p1', 'p2', 'p3', 'p4'];
    const outputs = await Promise.all(owners.map((owner) => run(process.execPath, ['--import', 'tsx', racer, file, owner, String(startAt)])));
    const results = outputs.map((output) => JSON.parse(output.stdout) as AcquireResult);
    const winners = owners.filter((_, i) => results[i]?.ok);
    expect(winners).toHaveLength(1);
    for (const result of results) if (!result.ok) expect(result.holder.owner).toBe(winners[0]);
  });
});
