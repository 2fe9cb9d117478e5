// The ping check against the lab: success, a failing target (`pingFailures`), output without a
// success rate, and targets refused before anything is sent.

import { describe, expect, it } from 'vitest';
import { isValidPingTarget, pingCheck } from '../../../src/pipeline/health/ping.js';
import { DEVICE, useHealthSession } from './health-lab.js';

describe('pingCheck', () => {
  const session = useHealthSession();

  it('passes when the device reaches the target, with the rate in the detail', async () => {
    expect(await pingCheck(session.driver, '10.0.0.5')).toEqual({ name: 'ping 10.0.0.5', ok: true, detail: 'success rate 100% (5/5)' });
  });

  it('fails at 0 percent (lab pingFailures)', async () => {
    await session.env.lab.setFaults(DEVICE, { pingFailures: '^10\\.0\\.3\\.' });
    try {
      expect(await pingCheck(session.driver, '10.0.3.9')).toEqual({ name: 'ping 10.0.3.9', ok: false, detail: 'success rate 0% (0/5)' });
      expect((await pingCheck(session.driver, '10.0.0.5')).ok).toBe(true);
    } finally {
      await session.env.lab.setFaults(DEVICE, {});
    }
  });

  it('fails at 0 percent for an address without a route', async () => {
    expect(await pingCheck(session.driver, '192.0.2.1')).toMatchObject({ ok: false, detail: 'success rate 0% (0/5)' });
  });

  it('fails with the last output line when there is no success rate', async () => {
    const result = await pingCheck(session.driver, 'nosuchhost');
    expect(result).toMatchObject({ name: 'ping nosuchhost', ok: false });
    expect(result.detail).toBe("no success rate in the output; last line: % Invalid input detected at '^' marker.");
  });

  it('refuses targets that are not an address or a hostname, sending nothing', async () => {
    for (const target of ['10.0.0.1; reload', '10.0.0.1 repeat 100000', '', '-a', '300.1.1.1', '1.2.3', 'host\nreload']) {
      const result = await pingCheck(session.driver, target);
      expect(result.ok, target).toBe(false);
      expect(result.detail).toMatch(/^not an IPv4 address or hostname/);
    }
  });
});

describe('isValidPingTarget', () => {
  it('accepts IPv4 addresses and hostnames', () => {
    for (const target of ['10.0.0.1', '255.255.255.255', 'core-1', 'dns.example.net']) expect(isValidPingTarget(target), target).toBe(true);
  });
  it('refuses everything else', () => {
    for (const target of ['10.0.0.256', '10.0.0', 'a b', 'a|b', '-host', 'host-', 'x..y', `${'a'.repeat(64)}.net`]) expect(isValidPingTarget(target), target).toBe(false);
  });
});
