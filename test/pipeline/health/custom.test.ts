// Custom checks against the lab: expect / expect_not passing and failing, commands that are not
// show commands refused before they reach the device, a show the device rejects.

import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../../src/device/errors.js';
import { customCheck, refuseCommand } from '../../../src/pipeline/health/custom.js';
import { useHealthSession } from './health-lab.js';

describe('customCheck', () => {
  const session = useHealthSession();

  it('passes when expect matches (multiline) and expect_not does not', async () => {
    const result = await customCheck(session.driver, { name: 'uplink up', command: 'show ip interface brief', expect: '^GigabitEthernet0/1\\s+10\\.0\\.0\\.1\\b.*up$', expect_not: '^GigabitEthernet0/3\\s.*down' });
    expect(result).toMatchObject({ name: 'uplink up', ok: true });
    expect(result.detail).toMatch(/^`show ip interface brief`: matched \/.*, no match of \//);
  });

  it('fails when expect does not match, with an excerpt of the first 3 lines', async () => {
    const result = await customCheck(session.driver, { name: 'needs vlan', command: 'show ip interface brief', expect: '^Vlan10\\s' });
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/^expect \/\^Vlan10\\s\/ not found in `show ip interface brief`; output: Interface\s+IP-Address/);
    expect(result.detail).toContain('GigabitEthernet0/2');
    expect(result.detail).not.toContain('GigabitEthernet0/3');
  });

  it('fails when expect_not matches', async () => {
    const result = await customCheck(session.driver, { name: 'nothing shut', command: 'show ip interface brief', expect_not: 'administratively down' });
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/^expect_not \/administratively down\/ matched/);
  });

  it('accepts the IOS abbreviation of show', async () => {
    expect((await customCheck(session.driver, { name: 'abbrev', command: 'sh ip int brief', expect: 'GigabitEthernet0/1' })).ok).toBe(true);
  });

  it('refuses commands that are not show commands without sending them', async () => {
    for (const command of ['reload', 'configure terminal', 'write memory', 'clear counters', 'show run | redirect flash:x.txt', 'show clock\nreload']) {
      const before = session.driver.transcript.length;
      const result = await customCheck(session.driver, { name: 'bad', command, expect: '.' });
      expect(result.ok, command).toBe(false);
      expect(session.driver.transcript.length).toBe(before);
    }
    expect(refuseCommand('reload')).toMatch(/only show commands/);
    expect(refuseCommand('show clock')).toBeUndefined();
  });

  it('reports an invalid regex as a failed check', async () => {
    expect(await customCheck(session.driver, { name: 're', command: 'show clock', expect: '(' })).toMatchObject({ ok: false, detail: expect.stringMatching(/^invalid regex/) });
  });

  it('throws the device error for a show the device rejects (runHealthChecks turns it into a result)', async () => {
    const error = await customCheck(session.driver, { name: 'nonsense', command: 'show nonsense' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).kind).toBe('command_rejected');
  });
});
