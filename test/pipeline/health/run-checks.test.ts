// The health-check run against the lab: order of results, a fresh session for reconnect (and
// closed after), failures that become results, and later checks running after a failure.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HealthChecks } from '../../../src/config/inventory/types.js';
import { connectIos, type IosDriver } from '../../../src/device/ios-driver.js';
import { captureBaseline, runHealthChecks } from '../../../src/pipeline/health/run-checks.js';
import type { DeviceLab } from '../../device/device-lab.js';
import { DEVICE, startHealthLab } from './health-lab.js';

const ALL: HealthChecks = {
  reconnect: true,
  interfaces: true,
  ping: ['10.0.0.5', '10.0.3.9'],
  custom: [{ name: 'uplink address', command: 'show ip interface brief', expect: '^GigabitEthernet0/1\\s+10\\.0\\.0\\.1\\b' }],
};

describe('runHealthChecks', () => {
  let env: DeviceLab;
  let driver: IosDriver;
  /** Every session the reconnect function opened. */
  let opened: IosDriver[];
  const reconnect = async (): Promise<IosDriver> => {
    const session = await connectIos(env.options(DEVICE));
    opened.push(session);
    return session;
  };

  beforeAll(async () => {
    env = await startHealthLab();
  });
  beforeEach(async () => {
    opened = [];
    driver = await connectIos(env.options(DEVICE));
  });
  afterEach(async () => {
    driver.close();
    await env.lab.setFaults(DEVICE, {});
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('runs reconnect, interfaces, each ping, each custom, in that order, all passing', async () => {
    const baseline = await captureBaseline(driver, ALL);
    expect(baseline.interfaces?.get('GigabitEthernet0/3')).toEqual({ status: 'up', protocol: 'up' });
    const results = await runHealthChecks({ driver, reconnect, checks: ALL, baseline });
    expect(results.map((r) => r.name)).toEqual(['reconnect', 'interfaces', 'ping 10.0.0.5', 'ping 10.0.3.9', 'uplink address']);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results[0]?.detail).toContain(`${DEVICE}#`);
    // A new session, not the deploy one, and closed once checked.
    expect(opened).toHaveLength(1);
    expect(opened[0]).not.toBe(driver);
    await vi.waitFor(() => expect(opened[0]?.channel.isOpen).toBe(false));
    expect(driver.channel.isOpen).toBe(true);
  });

  it('runs only the enabled checks; no interface baseline without the interfaces check', async () => {
    const checks: HealthChecks = { reconnect: false, interfaces: false, ping: ['10.0.0.5'], custom: [] };
    const baseline = await captureBaseline(driver, checks);
    expect(baseline).toEqual({});
    expect(await runHealthChecks({ driver, reconnect, checks, baseline })).toEqual([{ name: 'ping 10.0.0.5', ok: true, detail: 'success rate 100% (5/5)' }]);
    expect(opened).toEqual([]);
  });

  it('fails interfaces and the ping through a link a change took down; the rest still pass', async () => {
    const baseline = await captureBaseline(driver, ALL);
    await env.lab.setFaults(DEVICE, { interfaceDown: { afterConfig: 'description moved', interface: 'GigabitEthernet0/3' } });
    expect((await driver.pushConfig(['interface GigabitEthernet0/3', ' description moved'])).ok).toBe(true);
    const results = await runHealthChecks({ driver, reconnect, checks: ALL, baseline });
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['reconnect', true],
      ['interfaces', false],
      ['ping 10.0.0.5', true],
      ['ping 10.0.3.9', false],
      ['uplink address', true],
    ]);
    expect(results[1]?.detail).toContain('GigabitEthernet0/3');
    // The lab keeps the link down until restarted: bring it back for the next tests.
    env.lab.device(DEVICE).linkDown.clear();
  });

  it('reports a refused login on reconnect as not ok with the kind, and runs the other checks', async () => {
    const baseline = await captureBaseline(driver, ALL);
    await env.lab.setFaults(DEVICE, { authFailure: true });
    const results = await runHealthChecks({ driver, reconnect, checks: ALL, baseline });
    expect(results[0]).toMatchObject({ name: 'reconnect', ok: false, detail: expect.stringMatching(/^auth: r1: /) });
    expect(results.slice(1).map((r) => r.ok)).toEqual([true, true, true, true]);
  });

  it('reports a refused connection on reconnect as a connection failure', async () => {
    await env.lab.setFaults(DEVICE, { refuseConnections: true });
    const checks: HealthChecks = { reconnect: true, interfaces: false, ping: [], custom: [] };
    const [result] = await runHealthChecks({ driver, reconnect, checks, baseline: {} });
    expect(result).toMatchObject({ name: 'reconnect', ok: false, detail: expect.stringMatching(/^connection: /) });
  });

  it('turns throwing checks into failed results and keeps going', async () => {
    const checks: HealthChecks = {
      reconnect: true,
      interfaces: true,
      ping: ['10.0.0.5'],
      custom: [
        { name: 'rejected', command: 'show nonsense' },
        { name: 'after', command: 'show ip interface brief', expect: 'GigabitEthernet0/1' },
      ],
    };
    const failingReconnect = (): Promise<IosDriver> => Promise.reject(new Error('no credentials left'));
    // No baseline: the interfaces check fails instead of passing on nothing.
    const results = await runHealthChecks({ driver, reconnect: failingReconnect, checks, baseline: {} });
    expect(results).toEqual([
      { name: 'reconnect', ok: false, detail: 'no credentials left' },
      { name: 'interfaces', ok: false, detail: 'no interface baseline was captured before the change' },
      { name: 'ping 10.0.0.5', ok: true, detail: 'success rate 100% (5/5)' },
      { name: 'rejected', ok: false, detail: expect.stringMatching(/^command_rejected: r1: `show nonsense` refused/) },
      { name: 'after', ok: true, detail: expect.any(String) },
    ]);
  });

  it('never throws when the deploy session is gone: every check is a failed result', async () => {
    const baseline = await captureBaseline(driver, ALL);
    driver.close();
    await vi.waitFor(() => expect(driver.channel.isOpen).toBe(false));
    const results = await runHealthChecks({ driver, reconnect, checks: ALL, baseline });
    expect(results.map((r) => r.ok)).toEqual([true, false, false, false, false]);
    expect(results[1]?.detail).toMatch(/^closed: /);
  });
});
