// Interfaces: replace-in-place slots, secondary addresses, shutdown ordering, physical vs
// logical removal, sub-interfaces, port-channels, name abbreviations, VRF moves, switchports.

import { edit, ios, type Scenario } from './types.js';

const PREAMBLE = 'Building configuration...\n\nCurrent configuration : 2417 bytes\n!\n';

/** A branch router (IOS 15.x, ISR G2 style show-run). */
const RTR = ios`
  version 15.7
  service timestamps debug datetime msec
  service timestamps log datetime msec
  !
  hostname BR1-RTR
  !
  vrf definition CUST-A
   rd 65010:1
   !
   address-family ipv4
   exit-address-family
  !
  vrf definition CUST-B
   rd 65010:2
   !
   address-family ipv4
   exit-address-family
  !
  interface Loopback0
   ip address 10.255.1.1 255.255.255.255
  !
  interface Tunnel0
   description GRE to HQ
   ip address 172.16.0.2 255.255.255.252
   ip ospf cost 100
   tunnel source GigabitEthernet0/0
   tunnel destination 198.51.100.10
  !
  interface GigabitEthernet0/0
   description WAN to ISP-A
   ip address 203.0.113.2 255.255.255.252
   duplex auto
   speed auto
  !
  interface GigabitEthernet0/1
   description LAN
   ip address 10.1.10.1 255.255.255.0
   duplex auto
   speed auto
  !
  interface GigabitEthernet0/2
   description Customer handoff
   vrf forwarding CUST-A
   ip address 10.20.0.1 255.255.255.0
   duplex auto
   speed auto
  !
  interface GigabitEthernet0/3
   description Trunk to ACC-SW1
   no ip address
   duplex auto
   speed auto
  !
  interface GigabitEthernet0/3.100
   description Voice
   encapsulation dot1Q 100
   ip address 10.1.100.1 255.255.255.0
  !
  interface GigabitEthernet0/4
   no ip address
   shutdown
   duplex auto
   speed auto
  !
  router ospf 1
   router-id 10.255.1.1
   passive-interface GigabitEthernet0/1
   network 10.1.10.0 0.0.0.255 area 0
   network 10.255.1.1 0.0.0.0 area 0
   network 172.16.0.0 0.0.0.3 area 0
  !
  ip forward-protocol nd
  !
  ip route 0.0.0.0 0.0.0.0 203.0.113.1
  !
  line con 0
   logging synchronous
  line vty 0 4
   login local
   transport input ssh
  !
  end
`;
const RTR_RUN = PREAMBLE + RTR;

/** An access switch (Catalyst, IOS 15.2, VTP transparent so VLANs are in the config). */
const SW = ios`
  version 15.2
  no service pad
  service timestamps debug datetime msec
  service timestamps log datetime msec
  !
  hostname ACC-SW1
  !
  vtp mode transparent
  !
  spanning-tree mode rapid-pvst
  spanning-tree extend system-id
  !
  vlan 10
   name USERS
  !
  vlan 20
   name VOICE
  !
  vlan 30
   name GUEST
  !
  vlan 99
   name MGMT
  !
  interface Port-channel1
   description Uplink to DIST-SW1
   switchport trunk allowed vlan 10,20,30,99
   switchport mode trunk
  !
  interface GigabitEthernet1/0/1
   description Uplink member 1
   switchport trunk allowed vlan 10,20,30,99
   switchport mode trunk
   channel-group 1 mode active
  !
  interface GigabitEthernet1/0/2
   description Uplink member 2
   switchport trunk allowed vlan 10,20,30,99
   switchport mode trunk
   channel-group 1 mode active
  !
  interface GigabitEthernet1/0/3
   description Desk 3-14
   switchport access vlan 10
   switchport mode access
   switchport voice vlan 20
   spanning-tree portfast
  !
  interface GigabitEthernet1/0/4
   description AP-3F-EAST
   switchport trunk native vlan 99
   switchport trunk allowed vlan 10,20,30,99
   switchport mode trunk
  !
  interface GigabitEthernet1/0/5
   description Lab bench
   switchport access vlan 30
   switchport mode access
  !
  interface GigabitEthernet1/0/6
   shutdown
  !
  interface TenGigabitEthernet1/1/1
   description Trunk to LAB-CORE
   switchport trunk allowed vlan 10,20,30,99,100-199,201,203,205,207,209,211,213
   switchport trunk allowed vlan add 215,217,219,221,223,225,300-349
   switchport mode trunk
  !
  interface Vlan1
   no ip address
   shutdown
  !
  interface Vlan99
   ip address 10.99.0.11 255.255.255.0
  !
  ip default-gateway 10.99.0.1
  !
  line con 0
  line vty 0 4
   login local
   transport input ssh
  !
  end
`;
const SW_RUN = PREAMBLE + SW;

export const scenarios: Scenario[] = [
  {
    name: 'interface description is replaced in place',
    rule: 'Slots: interface description',
    running: RTR_RUN,
    intended: edit(RTR, [' description WAN to ISP-A\n', ' description WAN to ISP-A circuit 4471-XZ\n']),
    expected: ['interface GigabitEthernet0/0', ' description WAN to ISP-A circuit 4471-XZ', 'exit'],
  },
  {
    name: 'interface description removed is "no description"',
    rule: 'Negation table: `no description`',
    running: RTR_RUN,
    intended: edit(RTR, [' description LAN\n', '']),
    expected: ['interface GigabitEthernet0/1', ' no description', 'exit'],
  },
  {
    name: 'primary ip address is replaced in place, never negated first',
    rule: 'Slots: primary ip address',
    running: RTR_RUN,
    intended: edit(RTR, [' ip address 10.1.10.1 255.255.255.0\n', ' ip address 10.1.10.1 255.255.254.0\n']),
    expected: ['interface GigabitEthernet0/1', ' ip address 10.1.10.1 255.255.254.0', 'exit'],
    note: 'Negating the primary address first would cut the LAN off for the time between the two commands.',
  },
  {
    name: 'secondary address added',
    rule: 'Remediate: a new line is added under its section',
    running: RTR_RUN,
    intended: edit(RTR, [
      ' ip address 10.1.10.1 255.255.255.0\n',
      ' ip address 10.1.10.1 255.255.255.0\n ip address 10.1.30.1 255.255.255.0 secondary\n',
    ]),
    expected: ['interface GigabitEthernet0/1', ' ip address 10.1.30.1 255.255.255.0 secondary', 'exit'],
  },
  {
    name: 'secondary promoted to primary: the secondary is removed before the primary changes',
    rule: 'Negation: `no ip address A M secondary`; removals (100, secondaries 90) before replacements (200)',
    running: edit(RTR_RUN, [
      ' description LAN\n ip address 10.1.10.1 255.255.255.0\n',
      ' description LAN\n ip address 10.1.20.1 255.255.255.0 secondary\n ip address 10.1.10.1 255.255.255.0\n',
    ]),
    intended: edit(RTR, [' ip address 10.1.10.1 255.255.255.0\n', ' ip address 10.1.20.1 255.255.255.0\n']),
    expected: [
      'interface GigabitEthernet0/1',
      ' no ip address 10.1.20.1 255.255.255.0 secondary',
      ' ip address 10.1.20.1 255.255.255.0',
      'exit',
    ],
    note: 'IOS refuses a primary address equal to an existing secondary ("overlaps"), so the order is required. IOS prints secondaries before the primary in show-run.',
  },
  {
    name: 'secondary swapped and primary changed: old secondary out first, then intent order',
    rule: 'Inside a section: removals (100) before additions/replacements (200, intent order)',
    running: edit(RTR_RUN, [
      ' description LAN\n ip address 10.1.10.1 255.255.255.0\n',
      ' description LAN\n ip address 10.1.20.1 255.255.255.0 secondary\n ip address 10.1.10.1 255.255.255.0\n',
    ]),
    intended: edit(RTR, [
      ' ip address 10.1.10.1 255.255.255.0\n',
      ' ip address 10.1.40.1 255.255.255.0 secondary\n ip address 10.1.30.1 255.255.255.0\n',
    ]),
    expected: [
      'interface GigabitEthernet0/1',
      ' no ip address 10.1.20.1 255.255.255.0 secondary',
      ' ip address 10.1.40.1 255.255.255.0 secondary',
      ' ip address 10.1.30.1 255.255.255.0',
      'exit',
    ],
    note: 'The intent is written in show-run order (secondary above primary), so the new secondary is added before the primary is replaced: both are weight 200 in intent order. IOS accepts a secondary while the old primary is still present.',
  },
  {
    name: 'shutdown is sent first in the interface',
    rule: 'Inside a section: shutdown first (10)',
    running: RTR_RUN,
    intended: edit(RTR, [
      ' description Customer handoff\n vrf forwarding CUST-A\n ip address 10.20.0.1 255.255.255.0\n',
      ' description Customer handoff - SUSPENDED CHG-2231\n vrf forwarding CUST-A\n ip address 10.20.0.1 255.255.255.0\n shutdown\n',
    ]),
    expected: [
      'interface GigabitEthernet0/2',
      ' shutdown',
      ' description Customer handoff - SUSPENDED CHG-2231',
      'exit',
    ],
  },
  {
    name: 'no shutdown is sent last, after the interface is configured',
    rule: 'Inside a section: `no shutdown` last (1000); negation of `shutdown`',
    running: RTR_RUN,
    intended: edit(RTR, [
      'interface GigabitEthernet0/4\n no ip address\n shutdown\n',
      'interface GigabitEthernet0/4\n description Printers\n ip address 10.1.40.1 255.255.255.0\n',
    ]),
    expected: [
      'interface GigabitEthernet0/4',
      ' description Printers',
      ' ip address 10.1.40.1 255.255.255.0',
      ' no shutdown',
      'exit',
    ],
  },
  {
    name: 'explicit no shutdown / no ip address / no description in intent are defaults, not changes',
    rule: 'Normalise: hidden defaults `no shutdown`, `no ip address`, `no description` dropped under interfaces',
    running: RTR_RUN,
    intended: edit(
      RTR,
      [' description LAN\n ip address 10.1.10.1 255.255.255.0\n', ' description LAN\n ip address 10.1.10.1 255.255.255.0\n no shutdown\n'],
      ['interface GigabitEthernet0/4\n no ip address\n', 'interface GigabitEthernet0/4\n no description\n no ip address\n'],
    ),
    expected: [],
  },
  {
    name: 'configured physical interface absent from intent is reset with default interface',
    rule: 'Interfaces: physical interface absent from intent → `default interface X`',
    running: edit(RTR_RUN, [
      'router ospf 1\n',
      'interface GigabitEthernet0/5\n description Old DMZ\n ip address 192.168.50.1 255.255.255.0\n duplex auto\n speed auto\n!\nrouter ospf 1\n',
    ]),
    intended: RTR,
    expected: ['default interface GigabitEthernet0/5'],
    note: 'A physical interface cannot be deleted; `default interface` clears it in one command, with no child negations.',
  },
  {
    name: 'physical interface holding only default-state lines is left alone when absent from intent',
    rule: 'Interfaces: unless it holds only shutdown / negotiation auto / duplex auto / speed auto',
    running: RTR_RUN,
    intended: edit(RTR, ['interface GigabitEthernet0/4\n no ip address\n shutdown\n duplex auto\n speed auto\n!\n', '']),
    expected: [],
  },
  {
    name: 'IOS-XE physical interface with shutdown and negotiation auto is left alone too',
    rule: 'Interfaces: physical default-state lines (negotiation auto)',
    running: ios`
      Building configuration...

      Current configuration : 1204 bytes
      !
      version 16.9
      hostname EDGE-CSR1
      !
      interface GigabitEthernet1
       description WAN
       ip address 198.51.100.2 255.255.255.252
       negotiation auto
      !
      interface GigabitEthernet2
       no ip address
       shutdown
       negotiation auto
      !
      interface GigabitEthernet3
       no ip address
       shutdown
       negotiation auto
      !
      ip route 0.0.0.0 0.0.0.0 198.51.100.1
      end
    `,
    intended: ios`
      version 16.9
      hostname EDGE-CSR1
      interface GigabitEthernet1
       description WAN
       ip address 198.51.100.2 255.255.255.252
       negotiation auto
      ip route 0.0.0.0 0.0.0.0 198.51.100.1
    `,
    expected: [],
  },
  {
    name: 'logical interface absent from intent is deleted',
    rule: 'Interfaces: logical interface removed with `no interface X` (700), no child negations',
    running: RTR_RUN,
    intended: edit(
      RTR,
      [
        'interface Tunnel0\n description GRE to HQ\n ip address 172.16.0.2 255.255.255.252\n ip ospf cost 100\n tunnel source GigabitEthernet0/0\n tunnel destination 198.51.100.10\n!\n',
        '',
      ],
      [' network 172.16.0.0 0.0.0.3 area 0\n', ''],
    ),
    expected: ['router ospf 1', ' no network 172.16.0.0 0.0.0.3 area 0', 'exit', 'no interface Tunnel0'],
    note: 'The OSPF change (500) goes before the interface deletion (700).',
  },
  {
    name: 'new loopback interface is created with its lines',
    rule: 'Remediate: new section sent with its children (500)',
    running: RTR_RUN,
    intended: edit(RTR, [
      'interface Tunnel0\n',
      'interface Loopback100\n description Anycast DNS\n ip address 10.255.100.1 255.255.255.255\n!\ninterface Tunnel0\n',
    ]),
    expected: ['interface Loopback100', ' description Anycast DNS', ' ip address 10.255.100.1 255.255.255.255', 'exit'],
  },
  {
    name: 'new sub-interface is created with encapsulation before its address',
    rule: 'Order inside a section: encapsulation (15) before everything but shutdown',
    running: RTR_RUN,
    intended: edit(RTR, [
      'interface GigabitEthernet0/4\n',
      'interface GigabitEthernet0/3.200\n description Guest\n ip address 10.1.200.1 255.255.255.0\n encapsulation dot1Q 200\n!\ninterface GigabitEthernet0/4\n',
    ]),
    expected: [
      'interface GigabitEthernet0/3.200',
      ' encapsulation dot1Q 200',
      ' description Guest',
      ' ip address 10.1.200.1 255.255.255.0',
      'exit',
    ],
    note: 'IOS refuses an IP address on a dot1Q sub-interface before its encapsulation, so encapsulation goes first even when the intent lists it last.',
  },
  {
    name: 'sub-interface absent from intent is deleted, not defaulted',
    rule: 'Interfaces: any sub-interface X.N is logical → `no interface X.N`',
    running: RTR_RUN,
    intended: edit(RTR, [
      'interface GigabitEthernet0/3.100\n description Voice\n encapsulation dot1Q 100\n ip address 10.1.100.1 255.255.255.0\n!\n',
      '',
    ]),
    expected: ['no interface GigabitEthernet0/3.100'],
  },
  {
    name: 'interface names abbreviated in intent match the full names of running',
    rule: 'Normalise: canonical interface names in headers and references',
    running: RTR_RUN,
    intended: edit(
      RTR,
      ['interface Loopback0\n', 'int Lo0\n'],
      ['interface Tunnel0\n', 'interface Tu0\n'],
      [' tunnel source GigabitEthernet0/0\n', ' tunnel source Gi0/0\n'],
      ['interface GigabitEthernet0/0\n description WAN to ISP-A\n', 'interface Gi0/0\n description WAN to ISP-B\n'],
      ['\ninterface GigabitEthernet0/1\n', '\ninterface Gi0/1\n'],
      ['interface GigabitEthernet0/3.100\n', 'interface Gi0/3.100\n'],
      [' passive-interface GigabitEthernet0/1\n', ' passive-interface Gi0/1\n'],
    ),
    expected: ['interface GigabitEthernet0/0', ' description WAN to ISP-B', 'exit'],
    note: 'Commands are rendered with the canonical (full) interface name.',
  },
  {
    name: 'changing vrf forwarding re-sends the interface address that IOS deletes',
    rule: 'Interfaces: vrf forwarding (20) resets the IP addresses; intended addresses re-sent',
    running: RTR_RUN,
    intended: edit(RTR, [' vrf forwarding CUST-A\n', ' vrf forwarding CUST-B\n']),
    expected: ['interface GigabitEthernet0/2', ' vrf forwarding CUST-B', ' ip address 10.20.0.1 255.255.255.0', 'exit'],
    note: 'IOS: "% Interface GigabitEthernet0/2 IPv4 disabled and address(es) removed due to enabling VRF CUST-B". vrf forwarding is a slot: the old VRF is not negated first.',
  },
  {
    name: 'removing vrf forwarding also re-sends the interface address',
    rule: 'Interfaces: any change of vrf forwarding (removal at 20) resets the IP addresses',
    running: RTR_RUN,
    intended: edit(RTR, [' vrf forwarding CUST-A\n', '']),
    expected: ['interface GigabitEthernet0/2', ' no vrf forwarding CUST-A', ' ip address 10.20.0.1 255.255.255.0', 'exit'],
    note: 'Judgement: the spec says "changing"; IOS deletes the addresses on `no vrf forwarding` as well, so the removal is treated as a change.',
  },
  {
    name: 'ip ospf cost is replaced in place',
    rule: 'Slots: ip ospf cost',
    running: RTR_RUN,
    intended: edit(RTR, [' ip ospf cost 100\n', ' ip ospf cost 50\n']),
    expected: ['interface Tunnel0', ' ip ospf cost 50', 'exit'],
  },
  {
    name: 'switchport access vlan is replaced in place',
    rule: 'Slots: switchport access vlan',
    running: SW_RUN,
    intended: edit(SW, [' switchport access vlan 10\n', ' switchport access vlan 30\n']),
    expected: ['interface GigabitEthernet1/0/3', ' switchport access vlan 30', 'exit'],
  },
  {
    name: 'switchport mode access to trunk: access vlan removed, trunk lines then mode',
    rule: 'Slots: switchport mode; negation table: `no switchport access vlan`',
    running: SW_RUN,
    intended: edit(SW, [
      ' description Lab bench\n switchport access vlan 30\n switchport mode access\n',
      ' description Lab bench\n switchport trunk allowed vlan 30,99\n switchport mode trunk\n',
    ]),
    expected: [
      'interface GigabitEthernet1/0/5',
      ' no switchport access vlan',
      ' switchport trunk allowed vlan 30,99',
      ' switchport mode trunk',
      'exit',
    ],
  },
  {
    name: 'trunk allowed vlan list is replaced as a whole',
    rule: 'Slots: switchport trunk allowed vlan',
    running: SW_RUN,
    intended: edit(SW, [
      ' switchport trunk native vlan 99\n switchport trunk allowed vlan 10,20,30,99\n',
      ' switchport trunk native vlan 99\n switchport trunk allowed vlan 10,20,99\n',
    ]),
    expected: ['interface GigabitEthernet1/0/4', ' switchport trunk allowed vlan 10,20,99', 'exit'],
  },
  {
    name: 'trunk allowed vlan removed is made explicit as "allowed vlan all"',
    rule: 'Negation table: `switchport trunk allowed vlan all`, never `no switchport trunk allowed vlan`',
    running: SW_RUN,
    intended: edit(SW, [
      ' switchport trunk native vlan 99\n switchport trunk allowed vlan 10,20,30,99\n',
      ' switchport trunk native vlan 99\n',
    ]),
    expected: ['interface GigabitEthernet1/0/4', ' switchport trunk allowed vlan all', 'exit'],
  },
  {
    name: 'trunk allowed vlan with "add" continuation equals one canonical list',
    rule: 'Normalise: trunk allowed vlan + `add` lines → one line, sorted, merged ranges',
    running: SW_RUN,
    intended: edit(SW, [
      ' switchport trunk allowed vlan 10,20,30,99,100-199,201,203,205,207,209,211,213\n switchport trunk allowed vlan add 215,217,219,221,223,225,300-349\n',
      ' switchport trunk allowed vlan 300-349,10,20,30,99,100-149,150-199,201,203,205,207,209,211,213,215,217,219,221,223,225\n',
    ]),
    expected: [],
  },
  {
    name: 'trunk allowed vlan change on a list with "add" continuation sends one full list',
    rule: 'Normalise (merged list) + Slots: switchport trunk allowed vlan',
    running: SW_RUN,
    intended: edit(SW, [
      ' switchport trunk allowed vlan add 215,217,219,221,223,225,300-349\n',
      ' switchport trunk allowed vlan add 215,217,219,221,223,225,227,300-349\n',
    ]),
    expected: [
      'interface TenGigabitEthernet1/1/1',
      ' switchport trunk allowed vlan 10,20,30,99-199,201,203,205,207,209,211,213,215,217,219,221,223,225,227,300-349',
      'exit',
    ],
    note: 'Judgement: the whole canonical list is sent (a slot replace), not `switchport trunk allowed vlan add 227`; VLANs already allowed are not disturbed by IOS.',
  },
  {
    name: 'vlan name is replaced in place',
    rule: 'Slots: vlan name',
    running: SW_RUN,
    intended: edit(SW, [' name VOICE\n', ' name VOICE-3F\n']),
    expected: ['vlan 20', ' name VOICE-3F', 'exit'],
  },
  {
    name: 'port-channel members leave the bundle before the port-channel is deleted',
    rule: 'Order: interfaces changed (500) before logical interfaces removed (700)',
    running: SW_RUN,
    intended: edit(
      SW,
      [
        'interface Port-channel1\n description Uplink to DIST-SW1\n switchport trunk allowed vlan 10,20,30,99\n switchport mode trunk\n!\n',
        '',
      ],
      [
        ' description Uplink member 1\n switchport trunk allowed vlan 10,20,30,99\n switchport mode trunk\n channel-group 1 mode active\n',
        ' description Uplink member 1\n switchport trunk allowed vlan 10,20,30,99\n switchport mode trunk\n',
      ],
      [
        ' description Uplink member 2\n switchport trunk allowed vlan 10,20,30,99\n switchport mode trunk\n channel-group 1 mode active\n',
        ' description Uplink member 2\n switchport trunk allowed vlan 10,20,30,99\n switchport mode trunk\n',
      ],
    ),
    expected: [
      'interface GigabitEthernet1/0/1',
      ' no channel-group',
      'exit',
      'interface GigabitEthernet1/0/2',
      ' no channel-group',
      'exit',
      'no interface Port-channel1',
    ],
    note: 'Judgement: the spec gives no negation form for channel-group; `no channel-group` is the form IOS documents and always accepts (the platform table has it), rather than `no channel-group 1 mode active`.',
  },
  {
    name: 'port-channel members reset with default interface before the port-channel is deleted',
    rule: 'Order: default interface (600) before no interface (700)',
    running: SW_RUN,
    intended: edit(SW, [
      'interface Port-channel1\n description Uplink to DIST-SW1\n switchport trunk allowed vlan 10,20,30,99\n switchport mode trunk\n!\n' +
        'interface GigabitEthernet1/0/1\n description Uplink member 1\n switchport trunk allowed vlan 10,20,30,99\n switchport mode trunk\n channel-group 1 mode active\n!\n' +
        'interface GigabitEthernet1/0/2\n description Uplink member 2\n switchport trunk allowed vlan 10,20,30,99\n switchport mode trunk\n channel-group 1 mode active\n!\n',
      '',
    ]),
    expected: ['default interface GigabitEthernet1/0/1', 'default interface GigabitEthernet1/0/2', 'no interface Port-channel1'],
    note: 'Removals at one weight keep running order.',
  },
  {
    name: 'abbreviated switch interface names (Po, Gi, Te, Vl) match running',
    rule: 'Normalise: canonical interface names (Po1, Te1/1/1, Vl99, …)',
    running: SW_RUN,
    intended: edit(
      SW,
      ['interface Port-channel1\n', 'interface Po1\n'],
      ['interface GigabitEthernet1/0/1\n', 'interface Gi1/0/1\n'],
      ['interface GigabitEthernet1/0/2\n', 'int Gi1/0/2\n'],
      ['interface TenGigabitEthernet1/1/1\n', 'interface Te1/1/1\n'],
      ['interface Vlan99\n', 'interface Vl99\n'],
    ),
    expected: [],
  },
];
