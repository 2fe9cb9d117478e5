import { describe, expect, it } from 'vitest';
import { renderDeviceCommands, renderHumanCommands, type PlanCommand } from '../../src/ios/index.js';

const cmd = (path: string[], text: string, kind: PlanCommand['kind'] = 'add', body?: string): PlanCommand =>
  body === undefined ? { path, text, kind, reason: 'test' } : { path, text, kind, reason: 'test', body };

describe('renderDeviceCommands', () => {
  it('enters sections by header, leaves them with exit at the header indentation, ends at the top', () => {
    const bgp = 'router bgp 65000';
    const af = 'address-family ipv4';
    expect(
      renderDeviceCommands([
        cmd([], 'hostname r2', 'replace'),
        cmd([bgp], 'neighbor 10.0.0.9 remote-as 65009'),
        cmd([bgp, af], 'neighbor 10.0.0.9 activate'),
        cmd([], 'interface Loopback9'),
        cmd(['interface Loopback9'], 'ip address 10.9.9.9 255.255.255.255'),
        cmd([], 'no ip route 10.0.0.0 255.0.0.0 192.0.2.1', 'remove'),
      ]),
    ).toEqual([
      'hostname r2',
      'router bgp 65000',
      ' neighbor 10.0.0.9 remote-as 65009',
      ' address-family ipv4',
      '  neighbor 10.0.0.9 activate',
      ' exit-address-family',
      'exit',
      'interface Loopback9',
      ' ip address 10.9.9.9 255.255.255.255',
      'exit',
      'no ip route 10.0.0.0 255.0.0.0 192.0.2.1',
    ]);
  });

  it('sends a banner as one command with a delimiter absent from its text', () => {
    expect(renderDeviceCommands([cmd([], 'banner motd', 'replace', 'cost ^5 #1\nline two')])).toEqual([
      'banner motd %',
      'cost ^5 #1',
      'line two',
      '%',
    ]);
  });
});

describe('renderHumanCommands', () => {
  it('marks each command and shows section context without exits', () => {
    expect(
      renderHumanCommands([
        cmd(['interface GigabitEthernet0/1'], 'description new', 'replace'),
        cmd(['interface GigabitEthernet0/1'], 'no ip helper-address 10.0.0.5', 'remove'),
        cmd([], 'ntp server 10.0.0.123'),
      ]),
    ).toEqual(['  interface GigabitEthernet0/1', '~   description new', '-   no ip helper-address 10.0.0.5', '+ ntp server 10.0.0.123']);
  });
});
