// The session pool against the lab over real SSH: one login per device per run, one session
// lent at a time per device, a global limit, idle sessions closed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectIos, type IosDriver } from '../../src/device/ios-driver.js';
import { DevicePool, type DevicePoolOptions } from '../../src/device/resilience/pool.js';
import { failure, smallConfig, startDeviceLab, type DeviceLab } from './device-lab.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Session prep runs once per login, so its commands in the transcript count the logins. */
const logins = (driver: IosDriver): number => driver.transcript.split('terminal length 0').length - 1;

describe('device pool', () => {
  let env: DeviceLab;
  const pools: DevicePool[] = [];
  const pool = (options: Partial<DevicePoolOptions> = {}): DevicePool => {
    const created = new DevicePool({ connect: (device) => connectIos(env.options(device)), ...options });
    pools.push(created);
    return created;
  };

  beforeAll(async () => {
    env = await startDeviceLab([
      { name: 'p1', config: smallConfig('p1') },
      { name: 'p2', config: smallConfig('p2') },
    ]);
  });
  afterAll(async () => {
    for (const p of pools) p.closeAll();
    await env.lab.stop();
  });

  it('runs backup → push → verify on one device over a single login', async () => {
    const p = pool();
    const drivers = new Set<IosDriver>();
    const backup = await p.use('p1', (d) => (drivers.add(d), d.getRunningConfig()));
    expect(backup).toContain('hostname p1');
    const push = await p.use('p1', (d) => (drivers.add(d), d.pushConfig(['interface GigabitEthernet0/2', ' description pooled'])));
    expect(push.ok).toBe(true);
    const verify = await p.use('p1', (d) => (drivers.add(d), d.getRunningConfig()));
    expect(verify).toContain('description pooled');

    expect(drivers.size).toBe(1);
    const [driver] = [...drivers] as [IosDriver];
    expect(logins(driver)).toBe(1);
    expect(p.stats).toMatchObject({ logins: 1, reused: 2, open: 1, inUse: 0 });
    p.closeAll();
    expect(driver.channel.isOpen).toBe(false);
  });

  it('lends a device session to one user at a time', async () => {
    const p = pool();
    const first = await p.acquire('p1');
    let second: IosDriver | undefined;
    const pending = p.acquire('p1').then((d) => (second = d));
    await sleep(50);
    expect(second).toBeUndefined();
    expect(p.stats.waiting).toBe(1);
    p.release(first);
    await pending;
    expect(second).toBe(first);
    expect(p.stats.logins).toBe(1);
    p.release(second as IosDriver);
  });

  it('keeps to the global limit, closing an idle session of another device to make room', async () => {
    const p = pool({ maxSessions: 1 });
    const a = await p.acquire('p1');
    let b: IosDriver | undefined;
    const pending = p.acquire('p2').then((d) => (b = d));
    await sleep(50);
    expect(b).toBeUndefined(); // p1's session is lent: no room
    p.release(a);
    await pending;
    expect(a.channel.isOpen).toBe(false); // evicted
    expect(b?.device).toBe('p2');
    expect(p.stats).toMatchObject({ logins: 2, open: 1 });
    p.release(b as IosDriver);
  });

  it('closes a session left idle, and logs in again when it is next needed', async () => {
    const p = pool({ idleMs: 80 });
    const first = await p.use('p2', async (d) => d);
    await sleep(200);
    expect(first.channel.isOpen).toBe(false);
    expect(p.stats.open).toBe(0);
    const again = await p.use('p2', async (d) => d);
    expect(again).not.toBe(first);
    expect(p.stats.logins).toBe(2);
  });

  it('discards a session after a timeout, and fails acquires after closeAll', async () => {
    const p = pool();
    await env.lab.setFaults('p1', { stallOn: '^show run' });
    const error = await failure(p.use('p1', (d) => d.getRunningConfig({ timeoutMs: 100 })));
    await env.lab.setFaults('p1', {});
    expect(error.kind).toBe('timeout');
    expect(p.stats.open).toBe(0);
    await p.use('p1', (d) => d.getRunningConfig());
    expect(p.stats.logins).toBe(2);

    const held = await p.acquire('p1');
    const waiting = failure(p.acquire('p1'));
    p.closeAll();
    expect((await waiting).kind).toBe('closed');
    expect(held.channel.isOpen).toBe(false);
    await expect(p.acquire('p2')).rejects.toThrow(/pool is closed/);
  });
});
