// Interface state as the show commands derive it from the config and the link facts:
// show ip interface brief, show interfaces status, show interfaces X.

import { describe, expect, it } from 'vitest';
import { CORE_1, GENERATED_R1, execHarness } from '../support/exec-device.js';
import { withSectionLines } from '../support/config-text.js';

const BRIEF_HEADER = 'Interface                  IP-Address      OK? Method Status                Protocol';

/** The Status and Protocol columns of one interface in `show ip interface brief`. */
function briefState(output: string[], name: string): string {
  const row = output.find((line) => line.startsWith(`${name} `));
  if (!row) throw new Error(`no row for ${name}`);
  return row.slice(BRIEF_HEADER.indexOf('Status')).trim().replace(/\s+(\S+)$/, ' / $1');
}

describe('show ip interface brief', () => {
  it('lists every interface in IOS columns, from config and link state', () => {
    const lab = execHarness(CORE_1);
    expect(lab.run('show ip interface brief')).toEqual({
      paged: true,
      output: [
        BRIEF_HEADER,
        'Loopback0                  10.0.0.1        YES NVRAM  up                    up',
        'GigabitEthernet0/0         10.99.0.11      YES NVRAM  up                    up',
        'GigabitEthernet0/1         10.1.1.1        YES NVRAM  up                    up',
        'GigabitEthernet0/2         203.0.113.1     YES NVRAM  up                    up',
        'GigabitEthernet0/3         192.0.2.1       YES NVRAM  up                    up',
        'GigabitEthernet0/4         unassigned      YES NVRAM  administratively down down',
      ],
    });
  });

  it('a link that is down shows down/down; a shut one stays administratively down', () => {
    const lab = execHarness(CORE_1);
    lab.device.linkDown.add('GigabitEthernet0/3');
    lab.device.linkDown.add('GigabitEthernet0/4');
    const output = lab.run('sh ip int br').output;
    expect(output).toContain('GigabitEthernet0/3         192.0.2.1       YES NVRAM  down                  down');
    expect(briefState(output, 'GigabitEthernet0/4')).toBe('administratively down / down');
    expect(briefState(output, 'Loopback0')).toBe('up / up');
  });

  it('an address typed in a session shows Method manual', () => {
    const lab = execHarness(CORE_1);
    lab.configure('interface gi0/4', 'ip address 198.51.100.1 255.255.255.0');
    expect(lab.run('show ip interface brief').output).toContain('GigabitEthernet0/4         198.51.100.1    YES manual administratively down down');
  });

  it('follows shutdown and no shutdown entered in config mode', () => {
    const lab = execHarness(CORE_1);
    lab.configure('interface GigabitEthernet0/3', 'shutdown', 'interface GigabitEthernet0/4', 'no shutdown');
    const output = lab.run('show ip interface brief').output;
    expect(briefState(output, 'GigabitEthernet0/3')).toBe('administratively down / down');
    expect(briefState(output, 'GigabitEthernet0/4')).toBe('up / up');
  });

  // The generated router has a port-channel of Gi0/0/2-3, sub-interfaces of Te0/1/0, and SVIs
  // for VLAN 107 (carried by the trunk Gi0/2/0 only) and VLAN 683 (by the trunks Gi0/2/0-1).
  it.each<[string, string[], string | undefined, Record<string, string>]>([
    ['all up', [], undefined, { 'Port-channel1': 'up / up', 'TenGigabitEthernet0/1/0.126': 'up / up', Vlan107: 'up / up', Vlan683: 'up / up' }],
    ['one bundle member down', ['GigabitEthernet0/0/2'], undefined, { 'GigabitEthernet0/0/2': 'down / down', 'Port-channel1': 'up / up' }],
    ['every bundle member down', ['GigabitEthernet0/0/2', 'GigabitEthernet0/0/3'], undefined, { 'Port-channel1': 'down / down' }],
    ['parent link down', ['TenGigabitEthernet0/1/0'], undefined, { 'TenGigabitEthernet0/1/0.126': 'down / down', 'TenGigabitEthernet0/1/0.4094': 'down / down' }],
    ['parent shut down', [], 'interface TenGigabitEthernet0/1/0', { 'TenGigabitEthernet0/1/0': 'administratively down / down', 'TenGigabitEthernet0/1/0.126': 'administratively down / down' }],
    ['trunk of VLAN 107 down', ['GigabitEthernet0/2/0'], undefined, { Vlan107: 'down / down', Vlan683: 'up / up' }],
    ['both trunks down', ['GigabitEthernet0/2/0', 'GigabitEthernet0/2/1'], undefined, { Vlan683: 'down / down' }],
    ['loopbacks ignore link faults', ['Loopback0'], undefined, { Loopback0: 'up / up' }],
  ])('%s', (_, linksDown, shutSection, expected) => {
    const lab = execHarness(shutSection ? withSectionLines(GENERATED_R1, shutSection, 'shutdown') : GENERATED_R1);
    for (const name of linksDown) lab.device.linkDown.add(name);
    const output = lab.run('show ip interface brief').output;
    for (const [name, state] of Object.entries(expected)) expect(briefState(output, name), name).toBe(state);
  });
});

describe('show interfaces status', () => {
  it('prints the switch-style port table', () => {
    const lab = execHarness(GENERATED_R1);
    lab.device.linkDown.add('GigabitEthernet0/0/3');
    expect(lab.run('show interfaces status').output).toEqual([
      'Port      Name               Status       Vlan       Duplex  Speed Type',
      'Po1       core bundle        connected    routed     a-full a-1000',
      'Gi0/0/0   OOB management     connected    routed     a-full a-1000 10/100/1000BaseTX',
      'Gi0/0/1   SFO noc segment    connected    routed     a-full a-1000 10/100/1000BaseTX',
      'Gi0/0/2   Po1 member 1       connected    routed     a-full a-1000 10/100/1000BaseTX',
      'Gi0/0/3   Po1 member 2       notconnect   routed       auto   auto 10/100/1000BaseTX',
      'Te0/1/0   customer aggregati connected    routed     a-full  a-10G SFP-10GBase-SR',
      'Gi0/2/0   trunk to voice-sw1 connected    trunk      a-full a-1000 10/100/1000BaseTX',
      'Gi0/2/1   trunk to print-sw2 connected    trunk      a-full a-1000 10/100/1000BaseTX',
      'Gi0/2/2   circuit AMS/84540/ connected    788        a-full a-1000 10/100/1000BaseTX',
    ]);
  });

  it('shows a shut port as disabled and configured duplex and speed as they are', () => {
    const lab = execHarness(CORE_1.replace(' shutdown\n duplex auto\n speed auto', ' shutdown\n duplex full\n speed 100'));
    expect(lab.run('sh int status').output).toContain('Gi0/4                        disabled     routed       full    100 10/100/1000BaseTX');
  });
});

describe('show interfaces', () => {
  it('reports one interface: state, description, address, then fixed hardware facts', () => {
    const output = execHarness(CORE_1).run('show interfaces gi0/1').output;
    expect(output.slice(0, 5)).toEqual([
      'GigabitEthernet0/1 is up, line protocol is up',
      expect.stringMatching(/^ {2}Hardware is CN Gigabit Ethernet, address is ([0-9a-f]{4}\.){2}[0-9a-f]{4} \(bia ([0-9a-f]{4}\.){2}[0-9a-f]{4}\)$/),
      '  Description: uplink to edge-1',
      '  Internet address is 10.1.1.1/30',
      '  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec, ',
    ]);
  });

  it.each<[string, string[], string]>([
    ['Gi 0/4', [], 'GigabitEthernet0/4 is administratively down, line protocol is down'],
    ['GigabitEthernet0/3', ['GigabitEthernet0/3'], 'GigabitEthernet0/3 is down, line protocol is down'],
    ['lo0', ['Loopback0'], 'Loopback0 is up, line protocol is up'],
  ])('show interfaces %s first line', (name, linksDown, first) => {
    const lab = execHarness(CORE_1);
    for (const link of linksDown) lab.device.linkDown.add(link);
    expect(lab.run(`show interfaces ${name}`).output[0]).toBe(first);
  });

  it('names the VLAN of a sub-interface and reports every interface without an argument', () => {
    const lab = execHarness(GENERATED_R1);
    expect(lab.run('show interfaces Te0/1/0.126').output).toContain('  Encapsulation 802.1Q Virtual LAN, Vlan ID  126.');
    const all = lab.run('show interfaces').output.filter((line) => / is (up|down|administratively down), line protocol/.test(line));
    expect(all).toHaveLength(lab.device.running.filter((node) => node.text.startsWith('interface ')).length);
  });
});
