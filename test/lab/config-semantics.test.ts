// How configuration commands change a simulated device's running config, as IOS changes it: a
// table of cases, each a start config, the lines entered in config mode, the running config
// after them (the lines that carry configuration, or the section named) and what the device
// printed. Runs the config interpreter directly on a real LabDevice.

import { describe, expect, it } from 'vitest';
import { aclEntries } from '../../src/lab/shell/config/acl-store.js';
import { configLines, configSession } from '../support/config-session.js';

interface Case {
  name: string;
  start: string;
  lines: string[];
  /** The running config afterwards, without `!` lines (one string, lines joined by newlines). */
  expected: string;
  /** What the device printed, in order; invalid-input errors end in `@offset`. */
  printed?: string[];
}

const lines = (...l: string[]): string => l.join('\n');
const INVALID = "% Invalid input detected at '^' marker.";

const cases: Case[] = [
  // Replace in place.
  {
    name: 'hostname is replaced in place; no hostname brings back Router',
    start: 'hostname r1\nip domain name lab\n',
    lines: ['hostname core-1', 'hostname edge-1'],
    expected: lines('hostname edge-1', 'ip domain name lab'),
  },
  {
    name: 'no hostname',
    start: 'hostname r1\n',
    lines: ['no hostname'],
    expected: 'hostname Router',
  },
  {
    name: 'description is replaced in place; no description removes it',
    start: 'interface GigabitEthernet0/1\n description old\n ip address 10.0.0.1 255.255.255.0\ninterface GigabitEthernet0/2\n description keep\n',
    lines: ['interface GigabitEthernet0/1', 'description new  text', 'interface GigabitEthernet0/2', 'no description'],
    expected: lines('interface GigabitEthernet0/1', ' description new  text', ' ip address 10.0.0.1 255.255.255.0', 'interface GigabitEthernet0/2'),
  },
  {
    name: 'interface settings with one value are replaced in place',
    start: 'interface GigabitEthernet0/1\n mtu 1500\n bandwidth 1000\n ip ospf cost 10\n duplex half\n speed 100\n',
    lines: ['interface Gi0/1', 'mtu 9000', 'bandwidth 10000', 'ip ospf cost 20', 'speed 1000', 'duplex full', 'speed auto'],
    expected: lines('interface GigabitEthernet0/1', ' mtu 9000', ' bandwidth 10000', ' ip ospf cost 20', ' duplex full', ' speed auto'),
  },
  {
    name: 'switchport mode and access vlan are replaced in place',
    start: 'interface GigabitEthernet0/2\n switchport access vlan 10\n switchport mode access\n',
    lines: ['interface GigabitEthernet0/2', 'switchport access vlan 20', 'switchport mode trunk', 'switchport mode access'],
    expected: lines('interface GigabitEthernet0/2', ' switchport access vlan 20', ' switchport mode access'),
  },
  {
    name: 'logging buffered size is replaced in place',
    start: 'logging buffered 16384\n',
    lines: ['logging buffered 51200 warnings'],
    expected: 'logging buffered 51200 warnings',
  },
  // Addresses.
  {
    name: 'the primary address is replaced; secondaries are added and removed one by one, listed first',
    start: 'interface Vlan10\n ip address 10.0.0.1 255.255.255.0\n',
    lines: [
      'interface Vlan10',
      'ip address 10.0.0.2 255.255.255.0',
      'ip address 10.1.0.1 255.255.255.0 secondary',
      'ip address 10.2.0.1 255.255.255.0 secondary',
      'no ip address 10.1.0.1 255.255.255.0 secondary',
    ],
    expected: lines('interface Vlan10', ' ip address 10.2.0.1 255.255.255.0 secondary', ' ip address 10.0.0.2 255.255.255.0'),
  },
  {
    name: 'the primary cannot go before the secondaries; no ip address removes them all',
    start: 'interface Vlan10\n ip address 10.1.0.1 255.255.255.0 secondary\n ip address 10.0.0.1 255.255.255.0\n',
    lines: ['interface Vlan10', 'no ip address 10.0.0.1 255.255.255.0', 'no ip address'],
    expected: lines('interface Vlan10', ' no ip address'),
    printed: ['% Must delete secondary before deleting primary'],
  },
  {
    name: 'vrf forwarding removes the addresses and says so; an undefined VRF is refused',
    start: 'vrf definition CUST\n rd 65000:1\ninterface GigabitEthernet0/1\n ip address 10.0.0.1 255.255.255.0\n',
    lines: ['interface GigabitEthernet0/1', 'vrf forwarding NOPE', 'vrf forwarding CUST', 'ip address 10.0.0.1 255.255.255.0', 'vrf forwarding CUST'],
    expected: lines('vrf definition CUST', ' rd 65000:1', 'interface GigabitEthernet0/1', ' vrf forwarding CUST', ' ip address 10.0.0.1 255.255.255.0'),
    printed: ['% VRF NOPE not configured.', '% Interface GigabitEthernet0/1 IPv4 disabled and address(es) removed due to enabling VRF CUST'],
  },
  {
    name: 'a sub-interface takes an address only after its encapsulation',
    start: '',
    lines: ['interface GigabitEthernet0/1.100', 'ip address 10.0.0.1 255.255.255.0', 'encapsulation dot1Q 100', 'ip address 10.0.0.1 255.255.255.0'],
    expected: lines('interface GigabitEthernet0/1.100', ' encapsulation dot1Q 100', ' ip address 10.0.0.1 255.255.255.0'),
    printed: [
      '% Configuring IP routing on a LAN subinterface is only allowed if that',
      'subinterface is already configured as part of an IEEE 802.10, IEEE 802.1Q,',
      'or ISL vLAN.',
    ],
  },
  // Interface state and existence.
  {
    name: 'shutdown shows only while the interface is down',
    start: 'interface GigabitEthernet0/1\n description a\ninterface GigabitEthernet0/2\n shutdown\n',
    lines: ['interface GigabitEthernet0/1', 'shutdown', 'interface GigabitEthernet0/2', 'no shutdown', 'no shutdown'],
    expected: lines('interface GigabitEthernet0/1', ' description a', ' shutdown', 'interface GigabitEthernet0/2'),
  },
  {
    name: 'default interface keeps only the header',
    start: 'interface GigabitEthernet0/3\n description x\n ip address 10.0.0.1 255.255.255.0\n shutdown\n',
    lines: ['default interface gi0/3'],
    expected: 'interface GigabitEthernet0/3',
    printed: ['Interface GigabitEthernet0/3 set to default configuration'],
  },
  {
    name: 'no interface removes logical interfaces (with their sub-interfaces), never hardware',
    start: 'interface Loopback0\n ip address 10.9.9.9 255.255.255.255\ninterface Port-channel1\ninterface Port-channel1.10\n encapsulation dot1Q 10\ninterface GigabitEthernet0/1\n description x\n',
    lines: ['no interface Loopback0', 'no interface Po1', 'no interface GigabitEthernet0/1'],
    expected: lines('interface GigabitEthernet0/1', ' description x'),
    printed: ['% Removal of physical interfaces is not permitted'],
  },
  {
    name: 'a port the box does not have is refused, and the mode stays',
    start: 'interface GigabitEthernet0/1\ninterface GigabitEthernet0/2\n',
    lines: ['interface Gi0/2', 'description kept', 'interface Gi0/9', 'shutdown', 'interface GigabitEthernet0/9.5', 'default interface Gi0/7', 'interface Loopback7'],
    expected: lines('interface Loopback7', 'interface GigabitEthernet0/1', 'interface GigabitEthernet0/2', ' description kept', ' shutdown'),
    printed: [`${INVALID} @10`, `${INVALID} @10`, `${INVALID} @18`],
  },
  {
    name: 'new interfaces go where IOS prints them',
    start: 'interface Loopback0\ninterface Vlan10\n',
    lines: ['interface Gi0/0/2', 'interface Vlan5', 'interface Gi0/0/1', 'interface Gi0/0/2.20', 'interface Port-channel2', 'interface TenGigabitEthernet0/0/1'],
    expected: lines(
      'interface Loopback0',
      'interface Port-channel2',
      'interface GigabitEthernet0/0/1',
      'interface TenGigabitEthernet0/0/1',
      'interface GigabitEthernet0/0/2',
      'interface GigabitEthernet0/0/2.20',
      'interface Vlan5',
      'interface Vlan10',
    ),
  },
  {
    name: 'binding ACLs that do not exist is allowed',
    start: '',
    lines: ['interface Gi0/1', 'ip access-group NOWHERE in', 'ip access-group ALSO-NOT out', 'line vty 0 4', 'access-class MISSING in'],
    expected: lines('interface GigabitEthernet0/1', ' ip access-group NOWHERE in', ' ip access-group ALSO-NOT out', 'line vty 0 4', ' access-class MISSING in'),
  },
  // Trunks.
  {
    name: 'trunk allowed VLANs are one set: list, add, remove, shown merged and wrapped',
    start: 'interface GigabitEthernet0/2\n switchport mode trunk\n',
    lines: [
      'interface GigabitEthernet0/2',
      'switchport trunk allowed vlan 100,110,120,130,140,150,160,170,180,190',
      'switchport trunk allowed vlan add 200-205,300,310,320,330,340,350',
      'switchport trunk allowed vlan remove 110,203',
    ],
    expected: lines(
      'interface GigabitEthernet0/2',
      ' switchport trunk allowed vlan 100,120,130,140,150,160,170,180,190,200-202,204',
      ' switchport trunk allowed vlan add 205,300,310,320,330,340,350',
      ' switchport mode trunk',
    ),
  },
  {
    name: 'trunk allowed VLANs: except, none, add to none; all and no … make the line disappear',
    start: 'interface GigabitEthernet0/2\n switchport trunk allowed vlan 10\ninterface GigabitEthernet0/3\n switchport trunk allowed vlan 10\ninterface GigabitEthernet0/4\n switchport trunk allowed vlan 10\n',
    lines: [
      'interface GigabitEthernet0/2',
      'switchport trunk allowed vlan except 2-4000',
      'interface GigabitEthernet0/3',
      'switchport trunk allowed vlan none',
      'switchport trunk allowed vlan add 7',
      'switchport trunk allowed vlan all',
      'interface GigabitEthernet0/4',
      'no switchport trunk allowed vlan',
    ],
    expected: lines('interface GigabitEthernet0/2', ' switchport trunk allowed vlan 1,4001-4094', 'interface GigabitEthernet0/3', 'interface GigabitEthernet0/4'),
  },
  {
    name: 'add and remove start from all VLANs when no list is set',
    start: 'interface GigabitEthernet0/2\n',
    lines: ['interface GigabitEthernet0/2', 'switchport trunk allowed vlan add 5', 'switchport trunk allowed vlan remove 2-4093'],
    expected: lines('interface GigabitEthernet0/2', ' switchport trunk allowed vlan 1,4094'),
  },
  // VLANs.
  {
    name: 'vlan name is replaced in place; no vlan removes it; VLAN 1 stays',
    start: 'vlan 10\n name OLD\nvlan 20\n name GONE\n',
    lines: ['vlan 10', 'name NEW', 'exit', 'no vlan 20', 'no vlan 1', 'vlan 5', 'name FIRST'],
    expected: lines('vlan 5', ' name FIRST', 'vlan 10', ' name NEW'),
    printed: ['%Default VLAN 1 may not be deleted.'],
  },
  // BGP.
  {
    name: 'no neighbor X remote-as removes the neighbour everywhere; another attribute only its line',
    start: lines(
      'router bgp 65000',
      ' neighbor 10.0.0.2 remote-as 65001',
      ' neighbor 10.0.0.2 description peer',
      ' neighbor 10.0.0.3 remote-as 65002',
      ' neighbor 10.0.0.3 description other',
      ' address-family ipv4',
      '  neighbor 10.0.0.2 activate',
      '  neighbor 10.0.0.2 route-map IN in',
      '  neighbor 10.0.0.3 activate',
      ' exit-address-family',
    ),
    lines: ['router bgp 65000', 'no neighbor 10.0.0.2 remote-as 65001', 'no neighbor 10.0.0.3 description'],
    expected: lines('router bgp 65000', ' neighbor 10.0.0.3 remote-as 65002', ' address-family ipv4', '  neighbor 10.0.0.3 activate', ' exit-address-family'),
  },
  {
    name: 'no neighbor X alone removes it too, also when entered in an address family',
    start: 'router bgp 65000\n neighbor 10.0.0.2 remote-as 65001\n address-family ipv4\n  neighbor 10.0.0.2 activate\n',
    lines: ['router bgp 65000', 'address-family ipv4', 'no neighbor 10.0.0.2'],
    expected: lines('router bgp 65000', ' address-family ipv4', ' exit-address-family'),
  },
  {
    name: 'a neighbour must be declared before its settings; one BGP process only',
    start: 'router bgp 65000\n',
    lines: [
      'router bgp 65001',
      'router bgp 65000',
      'neighbor 192.0.2.1 description early',
      'neighbor 192.0.2.1 remote-as 64999',
      'neighbor 192.0.2.1 description late',
      'neighbor 192.0.2.1 update-source Loopback0',
      'neighbor 192.0.2.1 remote-as 64998',
      'bgp router-id 10.0.0.1',
      'address-family ipv4 unicast',
      'network 10.0.0.0 mask 255.255.255.0',
      'neighbor 192.0.2.9 activate',
      'neighbor 192.0.2.1 activate',
      'neighbor 192.0.2.1 route-map OUT out',
      'neighbor 192.0.2.1 route-map OUT2 out',
      'neighbor 192.0.2.1 send-community',
      'neighbor 192.0.2.1 next-hop-self',
      'exit-address-family',
      'neighbor 192.0.2.1 shutdown',
    ],
    expected: lines(
      'router bgp 65000',
      ' bgp router-id 10.0.0.1',
      ' neighbor 192.0.2.1 remote-as 64998',
      ' neighbor 192.0.2.1 description late',
      ' neighbor 192.0.2.1 shutdown',
      ' neighbor 192.0.2.1 update-source Loopback0',
      ' address-family ipv4',
      '  network 10.0.0.0 mask 255.255.255.0',
      '  neighbor 192.0.2.1 activate',
      '  neighbor 192.0.2.1 send-community',
      '  neighbor 192.0.2.1 next-hop-self',
      '  neighbor 192.0.2.1 route-map OUT2 out',
      ' exit-address-family',
    ),
    printed: ['% BGP is already running; AS is 65000', '% Specify remote-as or peer-group commands first', '% Specify remote-as or peer-group commands first'],
  },
  {
    name: 'a VRF address family declares its own neighbours',
    start: 'vrf definition CUST\n rd 65000:1\n address-family ipv4\n exit-address-family\nrouter bgp 65000\n',
    lines: ['router bgp 65000', 'address-family ipv4 vrf CUST', 'neighbor 10.1.0.2 remote-as 64512', 'neighbor 10.1.0.2 activate'],
    expected: lines(
      'vrf definition CUST',
      ' rd 65000:1',
      ' address-family ipv4',
      ' exit-address-family',
      'router bgp 65000',
      ' address-family ipv4 vrf CUST',
      '  neighbor 10.1.0.2 remote-as 64512',
      '  neighbor 10.1.0.2 activate',
      ' exit-address-family',
    ),
  },
  // OSPF.
  {
    name: 'router ospf: router-id, networks, passive interfaces',
    start: '',
    lines: ['router ospf 1', 'network 10.0.0.0 0.0.0.255 area 0', 'passive-interface lo0', 'router-id 10.255.0.1', 'network 10.1.0.0 0.0.0.3 area 10', 'router-id 10.255.0.2'],
    expected: lines('router ospf 1', ' router-id 10.255.0.2', ' passive-interface Loopback0', ' network 10.0.0.0 0.0.0.255 area 0', ' network 10.1.0.0 0.0.0.3 area 10'),
  },
  {
    name: 'with passive-interface default, the exceptions are listed as no passive-interface',
    start: 'router ospf 1\n passive-interface Loopback0\n',
    lines: ['router ospf 1', 'passive-interface default', 'no passive-interface Gi0/1', 'no passive-interface Gi0/2', 'passive-interface Gi0/2'],
    expected: lines('router ospf 1', ' passive-interface default', ' no passive-interface GigabitEthernet0/1'),
  },
  // Static routes.
  {
    name: 'static routes: same destination and next hop replace distance and name; listed sorted',
    start: 'ip route 10.0.0.0 255.0.0.0 192.0.2.1\n',
    lines: [
      'ip route 10.0.0.0 255.0.0.0 192.0.2.1 250 name BACKUP',
      'ip route 10.0.0.0 255.0.0.0 192.0.2.2',
      'ip route 0.0.0.0 0.0.0.0 192.0.2.1',
      'ip route vrf MGMT 0.0.0.0 0.0.0.0 10.99.0.1',
      'ip route 172.16.0.0 255.255.0.0 Null0',
      'ip route 10.0.0.1 255.0.0.0 192.0.2.1',
    ],
    expected: lines(
      'ip route 0.0.0.0 0.0.0.0 192.0.2.1',
      'ip route 10.0.0.0 255.0.0.0 192.0.2.1 250 name BACKUP',
      'ip route 10.0.0.0 255.0.0.0 192.0.2.2',
      'ip route 172.16.0.0 255.255.0.0 Null0',
      'ip route vrf MGMT 0.0.0.0 0.0.0.0 10.99.0.1',
    ),
    printed: ['%Inconsistent address and mask'],
  },
  {
    name: 'no ip route: with a next hop that route, without one every route to the destination',
    start: 'ip route 10.0.0.0 255.0.0.0 192.0.2.1 name A\nip route 10.0.0.0 255.0.0.0 192.0.2.2\nip route 10.1.0.0 255.255.0.0 192.0.2.1\nip route 10.1.0.0 255.255.0.0 192.0.2.2\n',
    lines: ['no ip route 10.0.0.0 255.0.0.0 192.0.2.1', 'no ip route 10.1.0.0 255.255.0.0'],
    expected: 'ip route 10.0.0.0 255.0.0.0 192.0.2.2',
  },
  // Numbered ACLs.
  {
    name: 'numbered ACL entries append in order; no access-list N <anything> deletes the whole list',
    start: 'access-list 10 permit 10.0.0.0 0.0.0.255\naccess-list 20 permit any\n',
    lines: [
      'access-list 10 permit host 10.1.1.1',
      'access-list 10 deny 0.0.0.0 255.255.255.255 log',
      'access-list 10 permit 10.0.0.0 0.0.0.255',
      'access-list 110 permit tcp any host 10.0.0.1 eq 80',
      'access-list 110 deny ip any any',
      'no access-list 20 permit any',
    ],
    expected: lines(
      'access-list 10 permit 10.0.0.0 0.0.0.255',
      'access-list 10 permit 10.1.1.1',
      'access-list 10 deny   any log',
      'access-list 110 permit tcp any host 10.0.0.1 eq www',
      'access-list 110 deny   ip any any',
    ),
  },
  {
    name: 'a numbered ACL is edited by sequence number through ip access-list',
    start: 'access-list 110 permit tcp any any eq 22\naccess-list 110 deny ip any any\n',
    lines: ['ip access-list extended 110', '15 permit udp any any eq 53', 'no 10'],
    expected: lines('access-list 110 permit udp any any eq domain', 'access-list 110 deny ip any any'),
  },
  // Named ACLs.
  {
    name: 'named ACL entries: numbered 10, 20…; 15 goes between; no 20 and no <entry> remove one; duplicates',
    start: '',
    lines: [
      'ip access-list extended EDGE',
      'permit tcp any any eq 443',
      'deny ip any any log',
      '15 permit udp any host 10.0.0.53 eq 53',
      '15 permit icmp any any',
      'permit tcp any any eq 443',
      'remark end of list',
      'no 20',
      'no permit tcp any any eq 443',
      'permit ip 10.0.0.0 0.255.255.255 any',
    ],
    expected: lines('ip access-list extended EDGE', ' permit udp any host 10.0.0.53 eq domain', ' remark end of list', ' permit ip 10.0.0.0 0.255.255.255 any'),
    printed: ['% Duplicate sequence number'],
  },
  {
    name: 'ACL entries are stored as IOS prints them',
    start: '',
    lines: [
      'ip access-list extended CANON',
      'permit 6 10.0.0.1 0.0.0.0 0.0.0.0 255.255.255.255 eq 23',
      'deny udp any range 1000 2000 any eq 161 log',
      'permit tcp any any established',
      'ip access-list standard STD',
      'permit host 10.1.1.1',
      'deny 10.2.0.0 0.0.255.255',
    ],
    expected: lines(
      'ip access-list extended CANON',
      ' permit tcp host 10.0.0.1 any eq telnet',
      ' deny   udp any range 1000 2000 any eq snmp log',
      ' permit tcp any any established',
      'ip access-list standard STD',
      ' permit 10.1.1.1',
      ' deny   10.2.0.0 0.0.255.255',
    ),
  },
  {
    name: 'an ACL name keeps its type',
    start: 'ip access-list standard MGMT\n permit 10.0.0.0 0.0.0.255\n',
    lines: ['ip access-list extended MGMT', 'no ip access-list standard MGMT', 'ip access-list extended MGMT'],
    expected: 'ip access-list extended MGMT',
    printed: ['% A named standard IP access list with this name already exists'],
  },
  // Prefix-lists.
  {
    name: 'prefix-lists: automatic sequence numbers, insertion by number, masked prefixes',
    start: '',
    lines: [
      'ip prefix-list PL permit 10.0.0.0/8',
      'ip prefix-list PL deny 0.0.0.0/0 le 32',
      'ip prefix-list PL seq 7 permit 172.16.1.1/16 ge 24 le 28',
      'ip prefix-list OTHER permit 192.0.2.0/24',
      'ip prefix-list PL permit 198.51.100.0/24',
    ],
    expected: lines(
      'ip prefix-list PL seq 5 permit 10.0.0.0/8',
      'ip prefix-list PL seq 7 permit 172.16.0.0/16 ge 24 le 28',
      'ip prefix-list PL seq 10 deny 0.0.0.0/0 le 32',
      'ip prefix-list PL seq 15 permit 198.51.100.0/24',
      'ip prefix-list OTHER seq 5 permit 192.0.2.0/24',
    ),
  },
  {
    name: 'prefix-lists: a taken sequence number is refused, the same entry again changes nothing; no removes one or all',
    start: 'ip prefix-list PL seq 10 permit 10.0.0.0/8\nip prefix-list PL seq 20 permit 10.1.0.0/16\nip prefix-list GONE seq 5 permit 192.0.2.0/24\n',
    lines: [
      'ip prefix-list PL seq 10 permit 10.0.0.0/8 le 24',
      'ip prefix-list PL seq 10 permit 10.0.0.0/8',
      'ip prefix-list PL seq 30 permit 10.0.0.0/8 ge 4',
      'no ip prefix-list PL seq 20 permit 10.1.0.0/16',
      'no ip prefix-list GONE',
    ],
    expected: 'ip prefix-list PL seq 10 permit 10.0.0.0/8',
    printed: ['% Duplicate sequence number', '% Invalid prefix range for 10.0.0.0/8, make sure: len < ge-value <= le-value <= 32'],
  },
  // Route-maps.
  {
    name: 'route-maps: sequence 10 by default, entries by sequence, no route-map N S removes one, no route-map N all',
    start: 'route-map GONE permit 10\n set metric 5\n',
    lines: [
      'route-map RM',
      'match ip address prefix-list A',
      'match ip address prefix-list B',
      'set local-preference 200',
      'set local-preference 300',
      'route-map RM deny 5',
      'route-map RM permit 20',
      'set community 65000:1 65000:2',
      'exit',
      'route-map RM',
      'no route-map RM 5',
      'no route-map GONE',
    ],
    expected: lines(
      'route-map RM permit 10',
      ' match ip address prefix-list A B',
      ' set local-preference 300',
      'route-map RM permit 20',
      ' set community 65000:1 65000:2',
    ),
    printed: ['% Please specify the entry by its sequence'],
  },
  {
    name: 'route-map: the other action at a sequence number changes the entry, its clauses stay',
    start: 'route-map RM permit 10\n match ip address prefix-list A\n',
    lines: ['route-map RM deny 10'],
    expected: lines('route-map RM deny 10', ' match ip address prefix-list A'),
  },
  // Features on by default, and features IOS always shows.
  {
    name: 'default-on features are shown as no … when off and vanish when on again',
    start: 'no ip domain lookup\nno ip http server\n',
    lines: ['ip domain lookup', 'no ip source-route', 'no service pad', 'no cdp run', 'ip http server', 'no ip http secure-server', 'ip domain-lookup', 'default cdp run'],
    expected: lines('no service pad', 'no ip source-route', 'no ip http secure-server'),
  },
  {
    name: 'ip cef and service password-encryption are shown either way',
    start: 'no service password-encryption\nip cef\n',
    lines: ['no ip cef', 'service password-encryption', 'ipv6 cef', 'default ipv6 cef'],
    expected: lines('service password-encryption', 'no ip cef', 'no ipv6 cef'),
  },
  // Lines, users, AAA.
  {
    name: 'line settings; exec-timeout 10 0 is the default and not shown',
    start: 'line vty 0 4\n exec-timeout 5 0\n login local\n',
    lines: [
      'line vty 0 4',
      'transport input ssh',
      'exec-timeout 10',
      'access-class MGMT in',
      'access-class MGMT2 in',
      'line con 0',
      'exec-timeout 0 0',
      'logging synchronous',
      'password 0 cisco',
      'line vty 5 15',
      'login',
      'transport input ssh telnet',
    ],
    expected: lines(
      'line con 0',
      ' exec-timeout 0 0',
      ' password cisco',
      ' logging synchronous',
      'line vty 0 4',
      ' access-class MGMT2 in',
      ' login local',
      ' transport input ssh',
      'line vty 5 15',
      ' login',
      ' transport input ssh telnet',
    ),
  },
  {
    name: 'clear-text secrets are stored as type 9 hashes, deterministically; hashes are kept',
    start: '',
    lines: [
      'username admin privilege 15 secret 0 s3cret',
      'username ops secret 9 $9$abcdefghijklmn$0123456789012345678901234567890123456789012',
      'username old password hello',
      'no username old',
      'enable secret topsecret',
    ],
    expected: lines(
      'enable secret 9 $9$TmpZRV6.Jd6f9S$FKYpCJg95xGR.ySwrOYPrZxNmhzLR3oxQ7OBiI0FnHm',
      'username admin privilege 15 secret 9 $9$IZ2OXTp5f0aWUQ$lnbX53fh2vV.xNc.ZOGkfatkLpt162P0d4VLNtUezDX',
      'username ops secret 9 $9$abcdefghijklmn$0123456789012345678901234567890123456789012',
    ),
  },
  {
    name: 'aaa new-model and a few aaa lines',
    start: 'no aaa new-model\n',
    lines: ['aaa new-model', 'aaa authentication login default local', 'aaa authorization exec default local', 'aaa authentication login default group tacacs+ local'],
    expected: lines('aaa new-model', 'aaa authentication login default group tacacs+ local', 'aaa authorization exec default local'),
  },
  // Management services.
  {
    name: 'snmp, ntp and logging',
    start: 'snmp-server community old RO\n',
    lines: [
      'snmp-server community ro-1 RO 10',
      'snmp-server community old RW',
      'snmp-server community plain',
      'snmp-server location DC1',
      'snmp-server location DC2',
      'snmp-server contact noc@example.net',
      'snmp-server host 10.99.0.5 version 2c ro-1',
      'ntp server 10.99.0.123',
      'ntp server 10.99.0.124 prefer',
      'no ntp server 10.99.0.124',
      'logging host 10.99.0.50',
      'logging 10.99.0.51',
      'logging trap informational',
      'no logging console',
    ],
    expected: lines(
      'no logging console',
      'logging trap informational',
      'logging host 10.99.0.50',
      'logging host 10.99.0.51',
      'snmp-server community old RW',
      'snmp-server community ro-1 RO 10',
      'snmp-server community plain RO',
      'snmp-server location DC2',
      'snmp-server contact noc@example.net',
      'snmp-server host 10.99.0.5 version 2c ro-1',
      'ntp server 10.99.0.123',
    ),
  },
  {
    name: 'service timestamps, ip ssh, ip domain name in either spelling',
    start: '',
    lines: ['service timestamps log datetime msec', 'service timestamps log uptime', 'ip ssh version 2', 'ip domain-name lab.example', 'ip domain name example.net', 'ip ssh time-out 60'],
    expected: lines('service timestamps log uptime', 'ip domain name example.net', 'ip ssh version 2', 'ip ssh time-out 60'),
  },
  {
    name: 'banners: on one line, or interactively up to the delimiter',
    start: '',
    lines: ['banner login ^CAuthorised access only^C', 'banner motd #', 'Line one', '', 'Line three # ignored', 'hostname r9'],
    expected: lines('hostname r9', 'banner login ^C', 'Authorised access only', '^C', 'banner motd ^C', 'Line one', '', 'Line three', '^C'),
    printed: ["Enter TEXT message.  End with the character '#'."],
  },
  {
    name: 'no banner removes it',
    start: 'banner motd ^C\nHi\n^C\n',
    lines: ['no banner motd'],
    expected: '',
  },
  // QoS.
  {
    name: 'class-maps and policy-maps',
    start: '',
    lines: ['class-map match-any VOICE', 'match dscp ef', 'policy-map WAN', 'class VOICE', 'priority percent 20', 'class class-default', 'fair-queue', 'interface Gi0/1', 'service-policy output WAN', 'class-map BULK'],
    expected: lines(
      'class-map match-any VOICE',
      ' match dscp ef',
      'class-map match-all BULK',
      'policy-map WAN',
      ' class VOICE',
      '  priority percent 20',
      ' class class-default',
      '  fair-queue',
      'interface GigabitEthernet0/1',
      ' service-policy output WAN',
    ),
  },
  // Errors.
  {
    name: 'unknown, incomplete and ambiguous commands change nothing',
    start: 'hostname r1\n',
    lines: ['hostnam', 'hostname', 'frobnicate now', 'interface Gi0/1', 'ip address 10.0.0.1', 'ip a 10.0.0.1 255.0.0.0', 'ip address 10.0.0.1 255.0.0.0 tertiary', 's'],
    expected: lines('hostname r1', 'interface GigabitEthernet0/1'),
    printed: [
      '% Incomplete command.',
      '% Incomplete command.',
      `${INVALID} @0`,
      '% Incomplete command.',
      '% Ambiguous command:  "ip a 10.0.0.1 255.0.0.0"',
      `${INVALID} @30`,
      '% Ambiguous command:  "s"',
    ],
  },
];

describe('config semantics', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const session = configSession(c.start);
    const printed = session.type(c.lines);
    expect(configLines(session.device)).toBe(c.expected);
    expect(printed).toEqual(c.printed ?? []);
  });
});

describe('named ACL sequence numbers', () => {
  it('are kept for show ip access-lists, not printed in running-config, and resequenced', () => {
    const session = configSession('ip access-list extended EDGE\n permit tcp any any eq www\n deny   ip any any\n');
    expect(aclEntries(session.device, 'EDGE')).toEqual([
      { seq: 10, text: 'permit tcp any any eq www' },
      { seq: 20, text: 'deny   ip any any' },
    ]);
    session.type(['ip access-list extended EDGE', '15 permit udp any any eq 53', 'remark why', 'exit', 'ip access-list resequence EDGE 100 5']);
    expect(aclEntries(session.device, 'EDGE')).toEqual([
      { seq: 100, text: 'permit tcp any any eq www' },
      { seq: 105, text: 'permit udp any any eq domain' },
      { seq: 110, text: 'deny   ip any any' },
      { seq: 115, text: 'remark why' },
    ]);
    expect(session.device.runningConfigBody()).toContain('ip access-list extended EDGE\n permit tcp any any eq www\n permit udp any any eq domain\n');
    session.type(['ip access-list extended EDGE', '101 permit icmp any any']);
    expect(aclEntries(session.device, 'EDGE').map((e) => e.seq)).toEqual([100, 101, 105, 110, 115]);
  });

  it('of numbered lists too', () => {
    const session = configSession('access-list 10 permit 10.0.0.0 0.0.0.255\n');
    session.type(['access-list 10 permit 10.1.0.0 0.0.0.255', 'ip access-list standard 10', '5 deny any']);
    expect(aclEntries(session.device, '10')).toEqual([
      { seq: 5, text: 'deny   any' },
      { seq: 10, text: 'permit 10.0.0.0 0.0.0.255' },
      { seq: 20, text: 'permit 10.1.0.0 0.0.0.255' },
    ]);
    expect(aclEntries(session.device, 'NONE')).toEqual([]);
  });
});

describe('secrets', () => {
  it('are never kept in clear text', () => {
    const session = configSession('');
    session.type(['username admin secret s3cret', 'enable secret 0 en4ble']);
    expect(session.device.runningConfigBody()).not.toMatch(/s3cret|en4ble/);
    expect(session.device.runningConfigBody()).toMatch(/^username admin secret 9 \$9\$[./\w]{14}\$[./\w]{43}$/m);
  });
});
