import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { History, newDeploymentId } from '../../src/store/history.js';
import { openStore, type Store } from '../../src/store/store.js';
import type { DeviceResultRecord } from '../../src/store/types.js';

let store: Store;
let history: History;
beforeEach(() => {
  store = openStore(':memory:');
  history = store.history;
});
afterEach(() => store.close());

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute, 0));
const create = (minute: number, actor = 'cli:alice') => history.createDeployment({ actor, source: 'configs/', options: {}, plan: {}, createdAt: at(minute) });

function result(deploymentId: string, device: string, patch: Partial<DeviceResultRecord> = {}): DeviceResultRecord {
  return { deploymentId, device, status: 'succeeded', commands: [], applied: [], checks: [], ...patch };
}

describe('deployment ids', () => {
  it('are d-<UTC timestamp>-<4 hex>, and sort by time', () => {
    expect(newDeploymentId(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toMatch(/^d-20260102T030405-[0-9a-f]{4}$/);
    const ids = [at(1), at(0), at(30)].map((d) => newDeploymentId(d));
    expect([...ids].sort()).toEqual([ids[1], ids[0], ids[2]]);
  });

  it('never repeat, even within one second', () => {
    const ids = new Set(Array.from({ length: 200 }, () => create(0).id));
    expect(ids.size).toBe(200);
  });
});

describe('History: deployments', () => {
  it('goes through its lifecycle: pending, running, finished with a summary', () => {
    const options = { canary: 'r1', batchSize: 2, autoRollback: true };
    const plan = { devices: [{ name: 'r1', commands: ['interface Gi0/1', ' description up'] }] };
    const created = history.createDeployment({ actor: 'cli:alice', source: 'github:o/r@abc:configs', options, plan });
    expect(created).toMatchObject({ status: 'pending', actor: 'cli:alice', source: 'github:o/r@abc:configs', options, plan });
    expect(created.id).toMatch(/^d-\d{8}T\d{6}-[0-9a-f]{4}$/);
    expect(history.getDeployment(created.id)).toEqual(created);

    const started = history.updateDeployment(created.id, { status: 'running', startedAt: at(1).toISOString() });
    expect(started).toMatchObject({ status: 'running', startedAt: at(1).toISOString() });
    expect(started?.finishedAt).toBeUndefined();

    const finished = history.updateDeployment(created.id, { status: 'succeeded', finishedAt: at(2).toISOString(), summary: '1 device: 1 succeeded' });
    expect(finished).toEqual({ ...created, status: 'succeeded', startedAt: at(1).toISOString(), finishedAt: at(2).toISOString(), summary: '1 device: 1 succeeded' });
  });

  it('keeps a given id', () => {
    expect(history.createDeployment({ id: 'd-custom', actor: 'a', source: 's', options: {}, plan: null }).id).toBe('d-custom');
    expect(history.getDeployment('d-custom')?.plan).toBeNull();
  });

  it('answers undefined for an unknown id, without throwing', () => {
    expect(history.getDeployment('d-nope')).toBeUndefined();
    expect(history.updateDeployment('d-nope', { status: 'failed' })).toBeUndefined();
    expect(history.deviceResults('d-nope')).toEqual([]);
  });

  it('lists newest first, up to the limit (100 by default)', () => {
    const ids = [3, 1, 2].map((minute) => create(minute).id);
    expect(history.listDeployments().map((d) => d.id)).toEqual([ids[0], ids[2], ids[1]]);
    expect(history.listDeployments({ limit: 2 }).map((d) => d.id)).toEqual([ids[0], ids[2]]);
    for (let i = 0; i < 105; i++) create(10);
    expect(history.listDeployments()).toHaveLength(100);
  });

  it('lists, newest first, those created in the same instant in creation order reversed', () => {
    const ids = [0, 1, 2].map(() => create(5).id);
    expect(history.listDeployments().map((d) => d.id)).toEqual(ids.reverse());
  });

  it('filters by device (deployments with a result for it) and by status', () => {
    const a = create(1);
    const b = create(2);
    const c = create(3);
    history.saveDeviceResult(result(a.id, 'r1'));
    history.saveDeviceResult(result(b.id, 'r2'));
    history.saveDeviceResult(result(c.id, 'r1'));
    history.saveDeviceResult(result(c.id, 'r2'));
    history.updateDeployment(c.id, { status: 'failed' });
    expect(history.listDeployments({ device: 'r1' }).map((d) => d.id)).toEqual([c.id, a.id]);
    expect(history.listDeployments({ device: 'r3' })).toEqual([]);
    expect(history.listDeployments({ status: 'failed' }).map((d) => d.id)).toEqual([c.id]);
    expect(history.listDeployments({ status: 'pending', device: 'r2' }).map((d) => d.id)).toEqual([b.id]);
  });
});

describe('History: device results', () => {
  it('round-trips every field, arrays and checks included', () => {
    const d = create(1);
    const full = result(d.id, 'r1', {
      status: 'rolled_back',
      commands: ['interface Gi0/1', ' shutdown'],
      applied: ['interface Gi0/1'],
      error: 'ping 10.0.0.1 failed',
      checks: [
        { name: 'reconnect', ok: true, detail: 'logged in again in 2s' },
        { name: 'ping 10.0.0.1', ok: false, detail: '0/5 replies' },
      ],
      backupBefore: 'r1/2026-11-23T09-01-00Z',
      backupAfter: 'r1/2026-11-23T09-02-00Z',
      startedAt: at(1).toISOString(),
      finishedAt: at(2).toISOString(),
      transcript: 'r1#configure terminal\n',
    });
    history.saveDeviceResult(full);
    expect(history.deviceResults(d.id)).toEqual([full]);
  });

  it('upserts by deployment and device, clearing what the new record leaves out', () => {
    const d = create(1);
    history.saveDeviceResult(result(d.id, 'r1', { status: 'running', error: 'not yet', commands: ['hostname r1'] }));
    history.saveDeviceResult(result(d.id, 'r1', { status: 'succeeded', commands: ['hostname r1'], applied: ['hostname r1'] }));
    const [only, ...rest] = history.deviceResults(d.id);
    expect(rest).toEqual([]);
    expect(only).toEqual(result(d.id, 'r1', { status: 'succeeded', commands: ['hostname r1'], applied: ['hostname r1'] }));
  });

  it('lists a deployment’s results by device name', () => {
    const d = create(1);
    for (const device of ['r3', 'r1', 'r2']) history.saveDeviceResult(result(d.id, device));
    expect(history.deviceResults(d.id).map((r) => r.device)).toEqual(['r1', 'r2', 'r3']);
  });

  it('refuses a result for a deployment that does not exist', () => {
    expect(() => history.saveDeviceResult(result('d-nope', 'r1'))).toThrow(/FOREIGN KEY/);
  });

  it('gives one device’s history across deployments, newest first, up to a limit', () => {
    const ids = [1, 3, 2].map((minute) => create(minute).id);
    for (const id of ids) history.saveDeviceResult(result(id, 'r1', { backupBefore: `r1/${id}` }));
    history.saveDeviceResult(result(ids[0] as string, 'r2'));
    expect(history.deviceHistory('r1').map((r) => r.deploymentId)).toEqual([ids[1], ids[2], ids[0]]);
    expect(history.deviceHistory('r1', 1).map((r) => r.deploymentId)).toEqual([ids[1]]);
    expect(history.deviceHistory('r9')).toEqual([]);
  });
});

describe('History.markInterrupted', () => {
  it('marks deployments left pending or running, and their unfinished devices, interrupted', () => {
    const running = create(1);
    const pending = create(2);
    const done = create(3);
    history.updateDeployment(running.id, { status: 'running', startedAt: at(1).toISOString() });
    history.updateDeployment(done.id, { status: 'succeeded', finishedAt: at(4).toISOString() });
    history.saveDeviceResult(result(running.id, 'r1', { status: 'succeeded', finishedAt: at(2).toISOString() }));
    history.saveDeviceResult(result(running.id, 'r2', { status: 'running' }));
    history.saveDeviceResult(result(running.id, 'r3', { status: 'pending' }));
    history.saveDeviceResult(result(done.id, 'r2', { status: 'succeeded' }));

    const now = at(30);
    expect(history.markInterrupted(now)).toEqual([running.id, pending.id]);

    expect(history.getDeployment(running.id)).toMatchObject({ status: 'interrupted', finishedAt: now.toISOString() });
    expect(history.getDeployment(pending.id)?.status).toBe('interrupted');
    expect(history.getDeployment(done.id)).toMatchObject({ status: 'succeeded', finishedAt: at(4).toISOString() });
    const statuses = Object.fromEntries(history.deviceResults(running.id).map((r) => [r.device, [r.status, r.finishedAt]]));
    expect(statuses).toEqual({
      r1: ['succeeded', at(2).toISOString()],
      r2: ['interrupted', now.toISOString()],
      r3: ['interrupted', now.toISOString()],
    });
    expect(history.deviceResults(done.id)[0]?.status).toBe('succeeded');
    // Nothing left to mark the second time.
    expect(history.markInterrupted(now)).toEqual([]);
  });
});
