// The device layer over Telnet under the lab's faults: the same error kinds and the same
// truthful partial-push results as over SSH, and the retry layer recovering a refused login.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceError } from '../../src/device/errors.js';
import { connectIos, type IosConnectOptions } from '../../src/device/ios-driver.js';
import { connectWithRetry } from '../../src/device/resilience/connect.js';
import { smallConfig, startDeviceLab, type DeviceLab } from './device-lab.js';

describe('Telnet under faults', () => {
  let env: DeviceLab;
  const telnet = (overrides: Partial<IosConnectOptions> = {}): IosConnectOptions => {
    const port = env.lab.nodes.find((n) => n.name === 't1')?.telnetPort as number;
    return env.options('t1', { protocol: 'telnet', port, ...overrides });
  };

  beforeAll(async () => {
    env = await startDeviceLab([{ name: 't1', config: smallConfig('t1') }]);
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('stops at a rejected line and reports applied, failed and not sent', async () => {
    await env.lab.setFaults('t1', { rejectConfigLines: 'location two' });
    const driver = await connectIos(telnet());
    try {
      const result = await driver.pushConfig(['snmp-server location one', 'snmp-server location two', 'snmp-server contact noc'], { window: 1 });
      expect(result.ok).toBe(false);
      expect(result.applied).toEqual(['snmp-server location one']);
      expect(result.failed?.command).toBe('snmp-server location two');
      expect(result.failed?.output).toMatch(/%/);
      expect(result.notSent).toEqual(['snmp-server contact noc']);
      expect(await driver.show('show running-config | include ^snmp-server contact')).toBe('');
    } finally {
      await env.lab.setFaults('t1', {});
      driver.close();
    }
  });

  it('reports a session dropped mid-push as closed, with the lines whose fate is unknown', async () => {
    const driver = await connectIos(telnet());
    await env.lab.setFaults('t1', { disconnectAfterCommands: 2 });
    const result = await driver.pushConfig(['snmp-server location a', 'snmp-server location b', 'snmp-server location c'], { window: 1 });
    await env.lab.setFaults('t1', {});
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe('closed');
    expect([...result.applied, ...result.unconfirmed, ...result.notSent]).toEqual(['snmp-server location a', 'snmp-server location b', 'snmp-server location c']);
  });

  it('maps refused connections to connection and a stalled command to timeout', async () => {
    await env.lab.setFaults('t1', { refuseConnections: true });
    const refused = await connectIos(telnet()).catch((e: unknown) => e as DeviceError);
    await env.lab.setFaults('t1', { stallOn: '^show clock' });
    const driver = await connectIos(telnet({ timeouts: { operationMs: 200 } }));
    const stalled = await driver.show('show clock').catch((e: unknown) => e as DeviceError);
    await env.lab.setFaults('t1', {});
    driver.close();
    expect((refused as DeviceError).kind).toBe('connection');
    expect((stalled as DeviceError).kind).toBe('timeout');
    expect((stalled as DeviceError).message).toContain('`show clock`');
  });

  it('falls back to the next credential set when a Telnet login is refused', async () => {
    const good = telnet();
    const outcome = await connectWithRetry({
      ...good,
      credentials: [
        { name: 'stale', username: good.username, password: 'wrong-password' },
        { name: 'current', username: good.username, password: good.password, enableSecret: good.enableSecret },
      ],
      retry: { attempts: 2, initialDelayMs: 5 },
    });
    outcome.driver.close();
    expect(outcome.credential).toBe('current');
    expect(outcome.refused).toEqual(['stale']);
  });
});
