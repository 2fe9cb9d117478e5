import { describe, expect, it } from 'vitest';
import { expandCommonAbbreviations } from '../../src/ios/abbreviations.js';

describe('expandCommonAbbreviations', () => {
  it.each([
    ['int Gi0/1', 'interface Gi0/1'],
    ['inte Lo0', 'interface Lo0'],
    ['interf GigabitEthernet0/1', 'interface GigabitEthernet0/1'],
    ['interfac vlan 10', 'interface vlan 10'],
    ['no int Tu0', 'no interface Tu0'],
    ['default int Gi0/2', 'default interface Gi0/2'],
    ['shut', 'shutdown'],
    ['shutd', 'shutdown'],
    ['no shut', 'no shutdown'],
    ['no shutdow', 'no shutdown'],
    ['desc uplink to core', 'description uplink to core'],
    ['descr WAN', 'description WAN'],
    ['no desc', 'no description'],
    ['no descri', 'no description'],
    ['ip add 10.0.0.1 255.255.255.0', 'ip address 10.0.0.1 255.255.255.0'],
    ['ip addr 10.0.0.1 255.255.255.0 secondary', 'ip address 10.0.0.1 255.255.255.0 secondary'],
    ['ip addr dhcp', 'ip address dhcp'],
    ['no ip addr 10.0.0.1 255.255.255.0', 'no ip address 10.0.0.1 255.255.255.0'],
  ])('%s → %s', (line, expected) => {
    expect(expandCommonAbbreviations(line)).toBe(expected);
  });

  it.each([
    'interface GigabitEthernet0/1',
    'shutdown',
    'no shutdown',
    'description desc shut int',
    'description int Gi0/1',
    'ip address 10.0.0.1 255.255.255.0',
    'ip address-pool local',
    'ip addr-pool local',
    'ip access-group 101 in',
    'in Gi0/1',
    'shutdown-mode fast',
    'shut down',
    'shape average 1000000',
    'no shutdown vlan 10',
    'descending 5',
    'no description',
    'destination 10.0.0.1',
    'default-information originate',
    'no ip address',
    'hostname int',
    'ipv6 add 2001:db8::1/64',
    'switchport mode trunk',
    '',
  ])('leaves %j alone', (line) => {
    expect(expandCommonAbbreviations(line)).toBe(line);
  });
});
