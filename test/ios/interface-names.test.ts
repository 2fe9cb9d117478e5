import { describe, expect, it } from 'vitest';
import {
  canonicalInterfaceName,
  canonicalizeInterfaceRefs,
  isPhysicalInterface,
} from '../../src/ios/interface-names.js';

describe('canonicalInterfaceName', () => {
  it.each([
    ['Gi0/1', 'GigabitEthernet0/1'],
    ['gi0/1', 'GigabitEthernet0/1'],
    ['g0/1', 'GigabitEthernet0/1'],
    ['GigabitEthernet 0/1', 'GigabitEthernet0/1'],
    ['gigabitethernet0/1', 'GigabitEthernet0/1'],
    ['Gig1/0/24', 'GigabitEthernet1/0/24'],
    ['GigabitEthernet1', 'GigabitEthernet1'],
    ['Gi0/0/1.100', 'GigabitEthernet0/0/1.100'],
    ['Lo0', 'Loopback0'],
    ['loopback 10', 'Loopback10'],
    ['Te1/1/1', 'TenGigabitEthernet1/1/1'],
    ['Ten1/1/1', 'TenGigabitEthernet1/1/1'],
    ['Po1', 'Port-channel1'],
    ['port-channel 20', 'Port-channel20'],
    ['Port-Channel1.10', 'Port-channel1.10'],
    ['Vl10', 'Vlan10'],
    ['VLAN10', 'Vlan10'],
    ['vlan 10', 'Vlan10'],
    ['Fa0/1', 'FastEthernet0/1'],
    ['f0/1', 'FastEthernet0/1'],
    ['Tu0', 'Tunnel0'],
    ['Se0/0/0', 'Serial0/0/0'],
    ['s0/0/0', 'Serial0/0/0'],
    ['Serial0/0/0:0', 'Serial0/0/0:0'],
    ['Se0/1/0:1.100', 'Serial0/1/0:1.100'],
    ['Eth1/1', 'Ethernet1/1'],
    ['Et1/1', 'Ethernet1/1'],
    ['e0/0', 'Ethernet0/0'],
    ['Tw1/0/1', 'TwoGigabitEthernet1/0/1'],
    ['Twe1/0/1', 'TwentyFiveGigE1/0/1'],
    ['Fi1/0/1', 'FiveGigabitEthernet1/0/1'],
    ['Fo1/1/1', 'FortyGigabitEthernet1/1/1'],
    ['Hu1/0/49', 'HundredGigE1/0/49'],
    ['HundredGigabitEthernet1/0/49', 'HundredGigE1/0/49'],
    ['Ap1/0/1', 'AppGigabitEthernet1/0/1'],
    ['Nu0', 'Null0'],
    ['null 0', 'Null0'],
    ['Di1', 'Dialer1'],
    ['BD100', 'BDI100'],
    ['BDI100', 'BDI100'],
    ['Vt1', 'Virtual-Template1'],
    ['virtual-template 1', 'Virtual-Template1'],
    ['Mu1', 'Multilink1'],
    ['VirtualPortGroup0', 'VirtualPortGroup0'],
    ['NVE1', 'nve1'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalInterfaceName(input)).toBe(expected);
  });

  it.each([
    '10.0.0.1', 'any', 'MGMT', 'permit', 'Te', 'Gi', 'GigabitEthernet', 'RM-OUT', 'RM-OUT1', 'v10',
    't1', 'Vi1', 'Virtual1', 'Gi0/1/', 'Gi0/1.', 'Gi 0/1 ', '0/1', 'FE80::1', 'default', 'Gi0/1a',
    'Lo0 extra', '',
  ])('%j is not an interface', (input) => {
    expect(canonicalInterfaceName(input)).toBeUndefined();
  });
});

describe('isPhysicalInterface', () => {
  it.each([
    ['GigabitEthernet0/1', true],
    ['TenGigabitEthernet1/1/1', true],
    ['FastEthernet0/1', true],
    ['Ethernet0/0', true],
    ['Serial0/0/0', true],
    ['HundredGigE1/0/49', true],
    ['Gi0/1', true],
    ['GigabitEthernet0/1.100', false],
    ['Serial0/0/0:0.1', false],
    ['Port-channel1.10', false],
    ['Loopback0', false],
    ['Tunnel0', false],
    ['Vlan10', false],
    ['Port-channel1', false],
    ['BDI100', false],
    ['Dialer1', false],
    ['Virtual-Template1', false],
    ['Multilink1', false],
    ['Null0', false],
    ['Unknown0', false],
  ])('%s → %s', (name, expected) => {
    expect(isPhysicalInterface(name)).toBe(expected);
  });
});

describe('canonicalizeInterfaceRefs', () => {
  it.each([
    // Headers, abbreviated keyword and name, also negated and defaulted.
    ['interface Gi0/1', 'interface GigabitEthernet0/1'],
    ['int Gi0/1', 'interface GigabitEthernet0/1'],
    ['interf lo0', 'interface Loopback0'],
    ['interface GigabitEthernet 0/1', 'interface GigabitEthernet0/1'],
    ['int vlan 10', 'interface Vlan10'],
    ['interface Gi0/0.100', 'interface GigabitEthernet0/0.100'],
    ['interface Se0/0.1 point-to-point', 'interface Serial0/0.1 point-to-point'],
    ['no interface Tu0', 'no interface Tunnel0'],
    ['no int po1', 'no interface Port-channel1'],
    ['default interface Gi0/2', 'default interface GigabitEthernet0/2'],
    // References after keywords.
    ['tunnel source Gi0/1', 'tunnel source GigabitEthernet0/1'],
    ['ntp source Lo0', 'ntp source Loopback0'],
    ['ip nat inside source list 1 interface Gi0/1 overload', 'ip nat inside source list 1 interface GigabitEthernet0/1 overload'],
    ['ip nat inside source route-map NAT interface Di1 overload', 'ip nat inside source route-map NAT interface Dialer1 overload'],
    ['track 1 interface Gi0/1 line-protocol', 'track 1 interface GigabitEthernet0/1 line-protocol'],
    ['no passive-interface Gi0/2', 'no passive-interface GigabitEthernet0/2'],
    ['passive-interface Vl10', 'passive-interface Vlan10'],
    ['logging source-interface Lo0', 'logging source-interface Loopback0'],
    ['ip tacacs source-interface Lo0 vrf MGMT', 'ip tacacs source-interface Loopback0 vrf MGMT'],
    ['snmp-server trap-source Lo0', 'snmp-server trap-source Loopback0'],
    ['neighbor 10.0.0.2 update-source Lo0', 'neighbor 10.0.0.2 update-source Loopback0'],
    ['ip unnumbered Lo0', 'ip unnumbered Loopback0'],
    ['ipv6 unnumbered loopback 0', 'ipv6 unnumbered Loopback0'],
    ['standby 1 track Se0/0/0 20', 'standby 1 track Serial0/0/0 20'],
    ['monitor session 1 source interface Gi1/0/1 both', 'monitor session 1 source interface GigabitEthernet1/0/1 both'],
    ['ip flow-export source Lo0', 'ip flow-export source Loopback0'],
    ['crypto map VPN local-address Gi0/0', 'crypto map VPN local-address GigabitEthernet0/0'],
    ['mpls ldp router-id Lo0 force', 'mpls ldp router-id Loopback0 force'],
    ['set interface Nu0', 'set interface Null0'],
    // Static routes.
    ['ip route 0.0.0.0 0.0.0.0 Gi0/0 203.0.113.1', 'ip route 0.0.0.0 0.0.0.0 GigabitEthernet0/0 203.0.113.1'],
    ['ip route 10.0.0.0 255.0.0.0 Null0 250', 'ip route 10.0.0.0 255.0.0.0 Null0 250'],
    ['ip route 10.0.0.0 255.0.0.0 nu0 250', 'ip route 10.0.0.0 255.0.0.0 Null0 250'],
    ['no ip route 10.1.0.0 255.255.0.0 Tu0', 'no ip route 10.1.0.0 255.255.0.0 Tunnel0'],
    ['ip route vrf CUST 0.0.0.0 0.0.0.0 Gi0/2 10.20.0.254', 'ip route vrf CUST 0.0.0.0 0.0.0.0 GigabitEthernet0/2 10.20.0.254'],
    ['ip route 0.0.0.0 0.0.0.0 Dialer 1', 'ip route 0.0.0.0 0.0.0.0 Dialer1'],
    ['ipv6 route ::/0 Gi0/0 FE80::1', 'ipv6 route ::/0 GigabitEthernet0/0 FE80::1'],
    ['ipv6 route vrf X 2001:db8::/32 Tu1', 'ipv6 route vrf X 2001:db8::/32 Tunnel1'],
    ['ip route 10.0.0.0 255.0.0.0 Gi0/1 name Gi0/2', 'ip route 10.0.0.0 255.0.0.0 GigabitEthernet0/1 name Gi0/2'],
  ])('%s → %s', (line, expected) => {
    expect(canonicalizeInterfaceRefs(line)).toBe(expected);
  });

  it.each([
    'interface GigabitEthernet0/1',
    'interface Loopback0',
    'interface range Gi1/0/1 - 24',
    'description uplink to core interface Gi0/1',
    'description int Gi0/1',
    'remark allow source Gi0/1',
    'neighbor 10.0.0.2 description via interface Gi0/1',
    'access-list 10 remark from interface Gi0/1',
    'snmp-server location rack 2 interface Gi0/1',
    'alias exec si show interface gi0/1',
    'action 1.0 syslog msg "interface Gi0/1 down"',
    'monitor session 1 source vlan 10',
    'monitor session 1 source remote vlan 900',
    'ip nat inside source static 10.0.0.1 203.0.113.5',
    'tunnel source 203.0.113.2',
    'passive-interface default',
    'bgp router-id 10.255.0.1',
    'router-id 10.255.0.1',
    'track 10 ip sla 1 reachability',
    'ip route 10.0.0.0 255.0.0.0 10.1.1.1 200 tag 5 name Lo0',
    'ip route 0.0.0.0 0.0.0.0 10.1.1.1 track 10',
    'ipv6 route 2001:db8::/32 FE80::1',
    'route-map Gi0/1 permit 10',
    'ip access-list extended Gi0/1',
    'permit tcp any any eq www',
    'switchport access vlan 10',
    'hostname Lo0',
    'ip ospf 1 area 0',
    'match interface input',
    'resource policy',
  ])('leaves %j alone', (line) => {
    expect(canonicalizeInterfaceRefs(line)).toBe(line);
  });
});
