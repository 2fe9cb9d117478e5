// The interfaces check: parsing `show ip interface brief` (IOS sample and lab output) and the
// before/after comparison, including a link taken down by a config change in the lab.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectIos } from '../../../src/device/ios-driver.js';
import { INTERFACE_BRIEF_COMMAND, interfacesStillUp, parseInterfaceBrief } from '../../../src/pipeline/health/interfaces.js';
import type { DeviceLab } from '../../device/device-lab.js';
import { DEVICE, startHealthLab } from './health-lab.js';

/** As a real IOS router prints it (column layout, `administratively down`, `deleted`). */
const IOS_SAMPLE = [
  'Interface              IP-Address      OK? Method Status                Protocol',
  'GigabitEthernet0/0     192.168.1.1     YES NVRAM  up                    up      ',
  'GigabitEthernet0/1     unassigned      YES NVRAM  administratively down down    ',
  'GigabitEthernet0/2     10.1.1.1        YES manual up                    down    ',
  'Loopback0              10.255.0.1      YES NVRAM  up                    up      ',
  'Tunnel5                unassigned      YES unset  deleted               down    ',
].join('\r\n');

describe('parseInterfaceBrief', () => {
  it('reads the IOS column format, statuses with spaces included', () => {
    const parsed = parseInterfaceBrief(IOS_SAMPLE);
    expect([...parsed.keys()]).toEqual(['GigabitEthernet0/0', 'GigabitEthernet0/1', 'GigabitEthernet0/2', 'Loopback0', 'Tunnel5']);
    expect(parsed.get('GigabitEthernet0/0')).toEqual({ status: 'up', protocol: 'up' });
    expect(parsed.get('GigabitEthernet0/1')).toEqual({ status: 'administratively down', protocol: 'down' });
    expect(parsed.get('GigabitEthernet0/2')).toEqual({ status: 'up', protocol: 'down' });
    expect(parsed.get('Tunnel5')).toEqual({ status: 'deleted', protocol: 'down' });
  });

  it('ignores lines before the header', () => {
    const parsed = parseInterfaceBrief(`\n*Mar  1 00:01:02: %SYS-5-CONFIG_I: Configured\n${IOS_SAMPLE}`);
    expect(parsed.size).toBe(5);
  });

  it('throws, naming the command, on output without the table header', () => {
    expect(() => parseInterfaceBrief("% Invalid input detected at '^' marker.")).toThrow(/show ip interface brief.*Invalid input/);
    expect(() => parseInterfaceBrief('')).toThrow(/show ip interface brief/);
  });
});

describe('interfacesStillUp', () => {
  const before = parseInterfaceBrief(IOS_SAMPLE);

  it('passes when every up/up interface is still up/up, ignoring new ones and ones already down', () => {
    const after = new Map(before);
    after.set('GigabitEthernet0/1', { status: 'down', protocol: 'down' });
    after.set('Vlan10', { status: 'down', protocol: 'down' });
    const result = interfacesStillUp(before, after);
    expect(result).toMatchObject({ name: 'interfaces', ok: true });
    expect(result.detail).toContain('2 interface');
  });

  it('fails naming each interface that went down, with its new state, and the ones gone', () => {
    const after = new Map(before);
    after.set('GigabitEthernet0/0', { status: 'up', protocol: 'down' });
    after.delete('Loopback0');
    const result = interfacesStillUp(before, after);
    expect(result.ok).toBe(false);
    expect(result.detail).toContain('GigabitEthernet0/0 (now up/down)');
    expect(result.detail).toContain('Loopback0 (gone)');
    expect(result.detail).not.toContain('GigabitEthernet0/1');
  });
});

describe('interfaces check on the lab', () => {
  let env: DeviceLab;

  beforeAll(async () => {
    env = await startHealthLab();
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('parses the lab device output', async () => {
    const driver = await connectIos(env.options(DEVICE));
    const parsed = parseInterfaceBrief(await driver.show(INTERFACE_BRIEF_COMMAND));
    driver.close();
    expect(parsed.get('GigabitEthernet0/1')).toEqual({ status: 'up', protocol: 'up' });
    expect(parsed.get('GigabitEthernet0/2')).toEqual({ status: 'administratively down', protocol: 'down' });
    expect(parsed.get('GigabitEthernet0/3')).toEqual({ status: 'up', protocol: 'up' });
  });

  it('fails naming the interface a config change took down', async () => {
    await env.lab.setFaults(DEVICE, { interfaceDown: { afterConfig: 'description moved', interface: 'GigabitEthernet0/3' } });
    const driver = await connectIos(env.options(DEVICE));
    try {
      const before = parseInterfaceBrief(await driver.show(INTERFACE_BRIEF_COMMAND));
      const push = await driver.pushConfig(['interface GigabitEthernet0/3', ' description moved to the new core']);
      expect(push.ok).toBe(true);
      const result = interfacesStillUp(before, parseInterfaceBrief(await driver.show(INTERFACE_BRIEF_COMMAND)));
      expect(result.ok).toBe(false);
      expect(result.detail).toMatch(/GigabitEthernet0\/3 \(now \S+\/down\)/);
      expect(result.detail).not.toContain('GigabitEthernet0/1');
    } finally {
      driver.close();
      await env.lab.setFaults(DEVICE, {});
      env.lab.device(DEVICE).linkDown.clear();
    }
  });
});
