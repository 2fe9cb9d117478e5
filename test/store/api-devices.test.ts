import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiDeviceExistsError, ApiDevices } from '../../src/store/api-devices.js';
import { openStore, type Store } from '../../src/store/store.js';

let store: Store;
let devices: ApiDevices;
const clock = new Date(Date.UTC(2026, 10, 23, 9, 0, 0));
beforeEach(() => {
  store = openStore(':memory:');
  devices = new ApiDevices(store.db, () => clock);
});
afterEach(() => store.close());

const entry = (host: string) => ({ host, platform: 'ios', groups: ['core'], vars: { site: 'ams', vlans: [10, 20] } });

describe('ApiDevices', () => {
  it('adds a device and reads it back with its JSON entry intact', () => {
    const added = devices.add({ name: 'r1', entry: entry('10.0.0.1'), createdBy: 'api:alice' });
    expect(added).toEqual({ name: 'r1', entry: entry('10.0.0.1'), createdBy: 'api:alice', createdAt: clock.toISOString() });
    expect(devices.get('r1')).toEqual(added);
    expect(devices.get('r9')).toBeUndefined();
  });

  it('refuses a duplicate name with ApiDeviceExistsError, leaving the first untouched', () => {
    devices.add({ name: 'r1', entry: entry('10.0.0.1'), createdBy: 'api:alice' });
    let caught: unknown;
    try {
      devices.add({ name: 'r1', entry: entry('10.0.0.2'), createdBy: 'api:bob' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiDeviceExistsError);
    expect((caught as Error).name).toBe('ApiDeviceExistsError');
    expect((caught as Error).message).toContain('r1');
    expect(devices.get('r1')).toMatchObject({ entry: entry('10.0.0.1'), createdBy: 'api:alice' });
  });

  it('lists devices sorted by name', () => {
    for (const name of ['sw2', 'r1', 'sw10']) devices.add({ name, entry: entry(name), createdBy: 'api:alice' });
    expect(devices.list().map((d) => d.name)).toEqual(['r1', 'sw10', 'sw2']);
    expect(devices.list()[0]?.entry).toEqual(entry('r1'));
  });

  it('removes a device, false when there is none, and the name can be added again', () => {
    devices.add({ name: 'r1', entry: entry('a'), createdBy: 'api:alice' });
    expect(devices.remove('r1')).toBe(true);
    expect(devices.remove('r1')).toBe(false);
    expect(devices.get('r1')).toBeUndefined();
    expect(devices.list()).toEqual([]);
    expect(devices.add({ name: 'r1', entry: entry('b'), createdBy: 'api:bob' }).createdBy).toBe('api:bob');
  });

  it('is wired into openStore', () => {
    store.apiDevices.add({ name: 'r1', entry: {}, createdBy: 'api:alice' });
    expect(store.apiDevices.get('r1')?.entry).toEqual({});
  });
});

describe('ApiDevices on a file database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'catnet-apidev-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps devices after close and reopen', () => {
    const first = openStore(dir);
    const added = first.apiDevices.add({ name: 'r1', entry: entry('10.0.0.1'), createdBy: 'api:alice' });
    first.close();
    const again = openStore(dir);
    expect(again.apiDevices.get('r1')).toEqual(added);
    again.close();
  });
});
