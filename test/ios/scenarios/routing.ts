// Routing: static routes, OSPF, BGP (neighbour lifetime, one process), prefix-lists (sequence
// slots), route-maps, and creating objects before what references them.

import { edit, ios, type Scenario } from './types.js';

const PREAMBLE = 'Building configuration...\n\nCurrent configuration : 3571 bytes\n!\n! Last configuration change at 09:14:52 UTC Wed Apr 3 2024 by netops\n!\n';

const RTR = ios`
  version 15.7
  service timestamps debug datetime msec
  service timestamps log datetime msec
  !
  hostname EDGE-RTR1
  !
  vrf definition CUST-A
   rd 65000:1
   !
   address-family ipv4
    route-target export 65000:1
    route-target import 65000:1
   exit-address-family
  !
  interface Loopback0
   ip address 10.255.0.1 255.255.255.255
  !
  interface GigabitEthernet0/0
   description Transit ISP-A
   ip address 192.0.2.2 255.255.255.252
   duplex auto
   speed auto
  !
  interface GigabitEthernet0/1
   description Core link to CORE-RTR1
   ip address 10.0.0.1 255.255.255.252
   ip ospf network point-to-point
   duplex auto
   speed auto
  !
  interface GigabitEthernet0/2
   description Server LAN
   ip address 10.10.0.1 255.255.255.0
   duplex auto
   speed auto
  !
  interface GigabitEthernet0/3
   description Transit ISP-B
   ip address 198.51.100.2 255.255.255.252
   duplex auto
   speed auto
  !
  interface GigabitEthernet0/4
   description Customer B handoff
   ip address 10.40.0.1 255.255.255.252
   duplex auto
   speed auto
  !
  router ospf 1
   router-id 10.255.0.1
   passive-interface GigabitEthernet0/2
   network 10.0.0.0 0.0.0.3 area 0
   network 10.10.0.0 0.0.0.255 area 0
   network 10.255.0.1 0.0.0.0 area 0
   default-information originate
  !
  router bgp 65000
   bgp router-id 10.255.0.1
   bgp log-neighbor-changes
   neighbor 192.0.2.1 remote-as 64500
   neighbor 192.0.2.1 description ISP-A
   neighbor 198.51.100.1 remote-as 64501
   neighbor 198.51.100.1 description ISP-B
   !
   address-family ipv4
    network 203.0.113.0 mask 255.255.255.0
    neighbor 192.0.2.1 activate
    neighbor 192.0.2.1 route-map RM-ISP-A-IN in
    neighbor 192.0.2.1 route-map RM-OUT out
    neighbor 198.51.100.1 activate
    neighbor 198.51.100.1 route-map RM-OUT out
   exit-address-family
  !
  ip forward-protocol nd
  !
  ip route 0.0.0.0 0.0.0.0 192.0.2.1
  ip route 10.20.0.0 255.255.0.0 10.0.0.2
  ip route 10.50.0.0 255.255.0.0 GigabitEthernet0/1 10.0.0.2
  ip route 203.0.113.0 255.255.255.0 Null0
  !
  !
  ip prefix-list PL-BOGONS seq 5 permit 10.0.0.0/8 le 32
  ip prefix-list PL-BOGONS seq 10 permit 172.16.0.0/12 le 32
  ip prefix-list PL-BOGONS seq 15 permit 192.168.0.0/16 le 32
  !
  ip prefix-list PL-DEFAULT seq 5 permit 0.0.0.0/0
  !
  ip prefix-list PL-OUT seq 5 permit 203.0.113.0/24
  !
  route-map RM-ISP-A-IN permit 10
   match ip address prefix-list PL-DEFAULT
   set local-preference 150
  !
  route-map RM-ISP-A-IN deny 20
   match ip address prefix-list PL-BOGONS
  !
  route-map RM-ISP-A-IN permit 30
   set local-preference 200
  !
  route-map RM-OUT permit 10
   match ip address prefix-list PL-OUT
  !
  line con 0
   logging synchronous
  line vty 0 4
   login local
   transport input ssh
  !
  end
`;
const RUN = PREAMBLE + RTR;

export const scenarios: Scenario[] = [
  {
    name: 'static route added',
    rule: 'Remediate: new top-level line (500)',
    running: RUN,
    intended: edit(RTR, ['ip route 10.20.0.0 255.255.0.0 10.0.0.2\n', 'ip route 10.20.0.0 255.255.0.0 10.0.0.2\nip route 10.30.0.0 255.255.0.0 10.0.0.2\n']),
    expected: ['ip route 10.30.0.0 255.255.0.0 10.0.0.2'],
  },
  {
    name: 'static route removed',
    rule: 'Negation: `no <line>`; top-level removal (600)',
    running: RUN,
    intended: edit(RTR, ['ip route 10.20.0.0 255.255.0.0 10.0.0.2\n', '']),
    expected: ['no ip route 10.20.0.0 255.255.0.0 10.0.0.2'],
  },
  {
    name: 'default route moved to another next hop: new route added before the old one is removed',
    rule: 'Order: additions (500) before other removals (600)',
    running: RUN,
    intended: edit(RTR, ['ip route 0.0.0.0 0.0.0.0 192.0.2.1\n', 'ip route 0.0.0.0 0.0.0.0 198.51.100.1\n']),
    expected: ['ip route 0.0.0.0 0.0.0.0 198.51.100.1', 'no ip route 0.0.0.0 0.0.0.0 192.0.2.1'],
    note: 'Routes with different next hops are different routes, not a slot; adding first never leaves the router without a default route.',
  },
  {
    name: 'static route with an abbreviated interface equals the full name',
    rule: 'Normalise: interfaces in ip route canonical',
    running: RUN,
    intended: edit(RTR, ['ip route 10.50.0.0 255.255.0.0 GigabitEthernet0/1 10.0.0.2\n', 'ip route 10.50.0.0 255.255.0.0 Gi0/1 10.0.0.2\n']),
    expected: [],
  },
  {
    name: 'OSPF network moved to another area: old statement removed first',
    rule: 'Inside a section: removals (100) before additions (200)',
    running: RUN,
    intended: edit(RTR, [' network 10.10.0.0 0.0.0.255 area 0\n', ' network 10.10.0.0 0.0.0.255 area 10\n']),
    expected: ['router ospf 1', ' no network 10.10.0.0 0.0.0.255 area 0', ' network 10.10.0.0 0.0.0.255 area 10', 'exit'],
    note: 'IOS rejects the same network/wildcard in a second area while the first statement exists.',
  },
  {
    name: 'OSPF passive-interface added, written with an abbreviated name',
    rule: 'Normalise: passive-interface reference canonical; new line in section',
    running: RUN,
    intended: edit(RTR, [' passive-interface GigabitEthernet0/2\n', ' passive-interface GigabitEthernet0/2\n passive-interface Lo0\n']),
    expected: ['router ospf 1', ' passive-interface Loopback0', 'exit'],
  },
  {
    name: 'OSPF "no passive-interface" under passive-interface default removed brings passive back',
    rule: 'Negation: a running `no X` absent from intent becomes `X` (inside a section)',
    running: edit(RUN, [
      ' passive-interface GigabitEthernet0/2\n',
      ' passive-interface default\n no passive-interface GigabitEthernet0/1\n no passive-interface GigabitEthernet0/4\n',
    ]),
    intended: edit(RTR, [' passive-interface GigabitEthernet0/2\n', ' passive-interface default\n no passive-interface GigabitEthernet0/1\n']),
    expected: ['router ospf 1', ' passive-interface GigabitEthernet0/4', 'exit'],
  },
  {
    name: 'OSPF router-id is replaced in place',
    rule: 'Slots: router-id',
    running: RUN,
    intended: edit(RTR, ['router ospf 1\n router-id 10.255.0.1\n', 'router ospf 1\n router-id 10.255.0.11\n']),
    expected: ['router ospf 1', ' router-id 10.255.0.11', 'exit'],
    note: 'IOS only uses the new router-id after `clear ip ospf process`; that is an operational step, not configuration.',
  },
  {
    name: 'BGP router-id is replaced in place',
    rule: 'Slots: bgp router-id',
    running: RUN,
    intended: edit(RTR, [' bgp router-id 10.255.0.1\n', ' bgp router-id 10.255.0.11\n']),
    expected: ['router bgp 65000', ' bgp router-id 10.255.0.11', 'exit'],
  },
  {
    name: 'BGP neighbour added: remote-as first, then the address family',
    rule: 'Inside a section: additions and sub-section changes in intent order (200)',
    running: RUN,
    intended: edit(
      RTR,
      [
        ' neighbor 198.51.100.1 description ISP-B\n',
        ' neighbor 198.51.100.1 description ISP-B\n neighbor 10.255.0.2 remote-as 65000\n neighbor 10.255.0.2 description iBGP CORE-RTR1\n neighbor 10.255.0.2 update-source Lo0\n',
      ],
      [
        '  neighbor 198.51.100.1 route-map RM-OUT out\n',
        '  neighbor 198.51.100.1 route-map RM-OUT out\n  neighbor 10.255.0.2 activate\n  neighbor 10.255.0.2 next-hop-self\n',
      ],
    ),
    expected: [
      'router bgp 65000',
      ' neighbor 10.255.0.2 remote-as 65000',
      ' neighbor 10.255.0.2 description iBGP CORE-RTR1',
      ' neighbor 10.255.0.2 update-source Loopback0',
      ' address-family ipv4',
      '  neighbor 10.255.0.2 activate',
      '  neighbor 10.255.0.2 next-hop-self',
      ' exit-address-family',
      'exit',
    ],
    note: 'IOS rejects any other neighbor command before the neighbour exists (remote-as). update-source is rendered with the canonical interface name.',
  },
  {
    name: 'BGP neighbour removed: only "no neighbor X remote-as N"',
    rule: 'Removal scope: `no neighbor X remote-as` removes the neighbour everywhere; nothing else about X follows',
    running: RUN,
    intended: edit(
      RTR,
      [' neighbor 198.51.100.1 remote-as 64501\n neighbor 198.51.100.1 description ISP-B\n', ''],
      ['  neighbor 198.51.100.1 activate\n  neighbor 198.51.100.1 route-map RM-OUT out\n', ''],
    ),
    expected: ['router bgp 65000', ' no neighbor 198.51.100.1 remote-as 64501', 'exit'],
  },
  {
    name: 'BGP neighbour remote-as changed is replaced in place, the neighbour keeps its settings',
    rule: 'Slots: neighbor X remote-as (replace, not a removal: no kill)',
    running: RUN,
    intended: edit(RTR, [' neighbor 198.51.100.1 remote-as 64501\n', ' neighbor 198.51.100.1 remote-as 64511\n']),
    expected: ['router bgp 65000', ' neighbor 198.51.100.1 remote-as 64511', 'exit'],
    note: 'Negating the old remote-as first would delete the neighbour with its description, activate and route-maps.',
  },
  {
    name: 'router bgp ASN changed: old process removed first, new one created whole',
    rule: 'Order: removal of router bgp N (50) first; only one BGP process may exist',
    running: RUN,
    intended: edit(RTR, ['router bgp 65000\n', 'router bgp 65010\n']),
    expected: [
      'no router bgp 65000',
      'router bgp 65010',
      ' bgp router-id 10.255.0.1',
      ' bgp log-neighbor-changes',
      ' neighbor 192.0.2.1 remote-as 64500',
      ' neighbor 192.0.2.1 description ISP-A',
      ' neighbor 198.51.100.1 remote-as 64501',
      ' neighbor 198.51.100.1 description ISP-B',
      ' address-family ipv4',
      '  network 203.0.113.0 mask 255.255.255.0',
      '  neighbor 192.0.2.1 activate',
      '  neighbor 192.0.2.1 route-map RM-ISP-A-IN in',
      '  neighbor 192.0.2.1 route-map RM-OUT out',
      '  neighbor 198.51.100.1 activate',
      '  neighbor 198.51.100.1 route-map RM-OUT out',
      ' exit-address-family',
      'exit',
    ],
    note: 'IOS: "BGP is already running; AS is 65000" if the new process were created first. No child negations for the removed process.',
  },
  {
    name: 'prefix-list entry changed at the same sequence: old entry removed first',
    rule: 'Slots: prefix-list seq N with old entry removed first (240 before 250)',
    running: RUN,
    intended: edit(RTR, ['ip prefix-list PL-OUT seq 5 permit 203.0.113.0/24\n', 'ip prefix-list PL-OUT seq 5 permit 203.0.112.0/23\n']),
    expected: ['no ip prefix-list PL-OUT seq 5 permit 203.0.113.0/24', 'ip prefix-list PL-OUT seq 5 permit 203.0.112.0/23'],
  },
  {
    name: 'prefix-list removed entirely is one "no ip prefix-list NAME"',
    rule: 'Ordered lists: a prefix-list removed entirely is `no ip prefix-list NAME` (830)',
    running: edit(RUN, [
      'ip prefix-list PL-DEFAULT seq 5 permit 0.0.0.0/0\n',
      'ip prefix-list PL-DEFAULT seq 5 permit 0.0.0.0/0\n!\nip prefix-list PL-OLD-CUST seq 5 permit 100.64.10.0/24\nip prefix-list PL-OLD-CUST seq 10 permit 100.64.11.0/24\n',
    ]),
    intended: RTR,
    expected: ['no ip prefix-list PL-OLD-CUST'],
  },
  {
    name: 'several prefix-lists leave at once: each whole one is one command, one that keeps an entry loses only the others',
    rule: 'Ordered lists: whole-list removal decided per list (names of different lengths, one a prefix of another)',
    running: edit(RUN, [
      'ip prefix-list PL-DEFAULT seq 5 permit 0.0.0.0/0\n',
      [
        'ip prefix-list PL-DEFAULT seq 5 permit 0.0.0.0/0',
        'ip prefix-list PL-OLD seq 5 permit 100.64.10.0/24',
        'ip prefix-list PL-OLD seq 10 permit 100.64.11.0/24',
        'ip prefix-list PL-OLD-CUST seq 5 permit 100.64.20.0/24',
        'ip prefix-list PL-KEEP seq 5 permit 100.64.30.0/24',
        'ip prefix-list PL-KEEP seq 10 permit 100.64.31.0/24',
        '',
      ].join('\n'),
    ]),
    intended: edit(RTR, ['ip prefix-list PL-DEFAULT seq 5 permit 0.0.0.0/0\n', 'ip prefix-list PL-DEFAULT seq 5 permit 0.0.0.0/0\nip prefix-list PL-KEEP seq 10 permit 100.64.31.0/24\n']),
    expected: ['no ip prefix-list PL-KEEP seq 5 permit 100.64.30.0/24', 'no ip prefix-list PL-OLD', 'no ip prefix-list PL-OLD-CUST'],
  },
  {
    name: 'prefix-list entries written without seq get 5, 10, 15 and equal running',
    rule: 'Normalise: prefix-list entries without seq get IOS automatic numbers',
    running: RUN,
    intended: edit(RTR, [
      'ip prefix-list PL-BOGONS seq 5 permit 10.0.0.0/8 le 32\nip prefix-list PL-BOGONS seq 10 permit 172.16.0.0/12 le 32\nip prefix-list PL-BOGONS seq 15 permit 192.168.0.0/16 le 32\n',
      'ip prefix-list PL-BOGONS permit 10.0.0.0/8 le 32\nip prefix-list PL-BOGONS permit 172.16.0.0/12 le 32\nip prefix-list PL-BOGONS permit 192.168.0.0/16 le 32\n',
    ]),
    expected: [],
  },
  {
    name: 'prefix-list entry added without seq is sent with the number IOS would give it',
    rule: 'Normalise: automatic prefix-list numbers (5 after the highest so far)',
    running: RUN,
    intended: edit(RTR, [
      'ip prefix-list PL-BOGONS seq 5 permit 10.0.0.0/8 le 32\nip prefix-list PL-BOGONS seq 10 permit 172.16.0.0/12 le 32\nip prefix-list PL-BOGONS seq 15 permit 192.168.0.0/16 le 32\n',
      'ip prefix-list PL-BOGONS permit 10.0.0.0/8 le 32\nip prefix-list PL-BOGONS permit 172.16.0.0/12 le 32\nip prefix-list PL-BOGONS permit 192.168.0.0/16 le 32\nip prefix-list PL-BOGONS permit 100.64.0.0/10 le 32\n',
    ]),
    expected: ['ip prefix-list PL-BOGONS seq 20 permit 100.64.0.0/10 le 32'],
    note: 'Sent with an explicit seq, as displayed, so the device and the plan agree on the number.',
  },
  {
    name: 'route-map set clause is replaced in place',
    rule: 'Slots: route-map set <attribute>',
    running: RUN,
    intended: edit(RTR, [' set local-preference 150\n', ' set local-preference 120\n']),
    expected: ['route-map RM-ISP-A-IN permit 10', ' set local-preference 120', 'exit'],
  },
  {
    name: 'route-map match changed to a new prefix-list: list created, old match removed first, old list deleted',
    rule: 'Inside a section: removals before additions; order prefix-lists (250) → route-maps (400) → prefix-list deletion (830)',
    running: RUN,
    intended: edit(
      RTR,
      ['ip prefix-list PL-OUT seq 5 permit 203.0.113.0/24\n', 'ip prefix-list PL-OUT-V2 seq 5 permit 203.0.113.0/24\nip prefix-list PL-OUT-V2 seq 10 permit 203.0.112.0/24\n'],
      [' match ip address prefix-list PL-OUT\n', ' match ip address prefix-list PL-OUT-V2\n'],
    ),
    expected: [
      'ip prefix-list PL-OUT-V2 seq 5 permit 203.0.113.0/24',
      'ip prefix-list PL-OUT-V2 seq 10 permit 203.0.112.0/24',
      'route-map RM-OUT permit 10',
      ' no match ip address prefix-list PL-OUT',
      ' match ip address prefix-list PL-OUT-V2',
      'exit',
      'no ip prefix-list PL-OUT',
    ],
    note: 'A second `match ip address prefix-list` is added to the first (OR) on IOS, so the old one must go. Judgement: the spec order (removal first) leaves the entry briefly without a match; BGP applies outbound policy changes only on its next update/soft reset, so the window is harmless in practice.',
  },
  {
    name: 'route-map entry removed by its sequence, the other entries kept',
    rule: 'Negation of a section header: `no route-map NAME deny 20`',
    running: RUN,
    intended: edit(RTR, ['route-map RM-ISP-A-IN deny 20\n match ip address prefix-list PL-BOGONS\n!\n', '']),
    expected: ['no route-map RM-ISP-A-IN deny 20'],
    note: 'Never `no route-map RM-ISP-A-IN`, which would delete all entries while a neighbour uses the map.',
  },
  {
    name: 'route-map whose entries all leave is one "no route-map NAME"',
    rule: 'Ordered lists: route-maps whose entries all leave are `no route-map NAME` (800)',
    running: edit(RUN, [
      'route-map RM-OUT permit 10\n',
      'route-map RM-LEGACY permit 10\n match ip address prefix-list PL-DEFAULT\n set metric 100\n!\nroute-map RM-LEGACY permit 20\n set metric 500\n!\nroute-map RM-OUT permit 10\n',
    ]),
    intended: RTR,
    expected: ['no route-map RM-LEGACY'],
  },
  {
    name: 'new route-map is created before the BGP neighbour binds it',
    rule: 'Order: route-maps created (400) before routing changes (500)',
    running: RUN,
    intended: edit(
      RTR,
      ['  neighbor 198.51.100.1 route-map RM-OUT out\n', '  neighbor 198.51.100.1 route-map RM-ISP-B-IN in\n  neighbor 198.51.100.1 route-map RM-OUT out\n'],
      ['route-map RM-OUT permit 10\n', 'route-map RM-ISP-B-IN permit 10\n match ip address prefix-list PL-DEFAULT\n set local-preference 90\n!\nroute-map RM-OUT permit 10\n'],
    ),
    expected: [
      'route-map RM-ISP-B-IN permit 10',
      ' match ip address prefix-list PL-DEFAULT',
      ' set local-preference 90',
      'exit',
      'router bgp 65000',
      ' address-family ipv4',
      '  neighbor 198.51.100.1 route-map RM-ISP-B-IN in',
      ' exit-address-family',
      'exit',
    ],
    note: 'A neighbour bound to a missing route-map gets no routes in (IOS treats an undefined inbound map as deny all).',
  },
  {
    name: 'new VRF is created before the interface is put into it',
    rule: 'Order: VRFs created (100) before interfaces (500); vrf forwarding re-sends the address',
    running: RUN,
    intended: edit(
      RTR,
      ['interface Loopback0\n', 'vrf definition CUST-B\n rd 65000:2\n !\n address-family ipv4\n  route-target export 65000:2\n  route-target import 65000:2\n exit-address-family\n!\ninterface Loopback0\n'],
      [' description Customer B handoff\n', ' description Customer B handoff\n vrf forwarding CUST-B\n'],
    ),
    expected: [
      'vrf definition CUST-B',
      ' rd 65000:2',
      ' address-family ipv4',
      '  route-target export 65000:2',
      '  route-target import 65000:2',
      ' exit-address-family',
      'exit',
      'interface GigabitEthernet0/4',
      ' vrf forwarding CUST-B',
      ' ip address 10.40.0.1 255.255.255.252',
      'exit',
    ],
    note: 'IOS: "% VRF CUST-B not configured" if the interface came first.',
  },
  {
    name: 'route-map entry action changed: the old entry is removed before the new one is created',
    rule: 'Slots with removal first: route-map NAME permit|deny SEQ',
    running: RUN,
    intended: edit(RTR, ['route-map RM-ISP-A-IN deny 20\n', 'route-map RM-ISP-A-IN permit 20\n']),
    expected: [
      'no route-map RM-ISP-A-IN deny 20',
      'route-map RM-ISP-A-IN permit 20',
      ' match ip address prefix-list PL-BOGONS',
      'exit',
    ],
    note: '`no route-map X deny 20` sent after the new entry would delete sequence 20, i.e. the new entry.',
  },
];
