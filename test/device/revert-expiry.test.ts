// The revert timer as a deploy relies on it: armed, a change pushed, no confirm, the timer
// expires and the device is back to where it was. The lab runs on a fake clock.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectIos } from '../../src/device/ios-driver.js';
import { startLab, type RunningLab } from '../../src/lab/runner/lab.js';
import { FakeClock } from '../support/fake-clock.js';
import { smallConfig } from './device-lab.js';

describe('revert timer expiry', () => {
  const clock = new FakeClock();
  let lab: RunningLab;

  beforeAll(async () => {
    lab = await startLab({ devices: [{ name: 'edge', config: smallConfig('edge') }], clock, telnet: false });
  });
  afterAll(async () => {
    await lab.stop();
  });

  it('puts the config back when the change is not confirmed in time', async () => {
    const node = lab.nodes[0];
    const before = lab.device('edge').runningConfigBody();
    const { username, password, enableSecret } = lab.credentials;
    const driver = await connectIos({ device: 'edge', host: lab.host, port: node?.sshPort, username, password, enableSecret, hostKeyMode: 'off' });
    try {
      await driver.armRevertTimer(2);
      const pushed = await driver.pushConfig(['snmp-server location unconfirmed']);
      expect(pushed.ok).toBe(true);
      expect(lab.device('edge').runningConfigBody()).toContain('snmp-server location unconfirmed');
      clock.advance(60_000);
      expect(lab.device('edge').runningConfigBody()).toContain('snmp-server location unconfirmed');
      clock.advance(60_000);
      expect(lab.device('edge').runningConfigBody()).toBe(before);
      // The session survives the rollback and sees the reverted state.
      expect(await driver.show('show running-config | include snmp-server location')).toBe('');
    } finally {
      driver.close();
    }
  });
});
