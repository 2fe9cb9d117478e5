// ACLs: ordered lists edited in place by sequence number, numbered ACL pitfalls, canonical
// entries, and the order of creating/binding/unbinding/deleting.
//
// Sequence numbers of in-place edits. The spec fixes the procedure but not two numbers, so
// these scenarios use the following reading of it (a judgement call, see each note):
//  - S = 10: `ip access-list resequence NAME 10 10`, so running entry k (1-based, counting
//    every running entry, including those that leave) has sequence 10·k. S = 10 leaves room
//    for 9 new entries in a gap, more than any scenario here needs.
//  - Kept entries are the longest common subsequence of running and intended entries (unique in
//    every scenario here). Entries not kept leave with `no <seq>`, all before any insert.
//  - n new entries between kept neighbours with sequences lo and hi (lo = 0 before the first
//    kept entry) get lo + i·floor((hi − lo)/(n + 1)), i = 1…n: one entry between 30 and 40 is
//    35, one before entry 10 is 5, one between 10 and 30 (entry 20 deleted) is 20.
//  - Then `ip access-list resequence NAME 10 10` again.

import { edit, ios, type Scenario } from './types.js';

const PREAMBLE = 'Building configuration...\n\nCurrent configuration : 1986 bytes\n!\n';

const RTR = ios`
  version 15.7
  service timestamps debug datetime msec
  service timestamps log datetime msec
  !
  hostname BR1-RTR
  !
  interface GigabitEthernet0/0
   description WAN to ISP-A
   ip address 203.0.113.2 255.255.255.252
   ip access-group WAN-IN in
   duplex auto
   speed auto
  !
  interface GigabitEthernet0/1
   description LAN
   ip address 10.1.10.1 255.255.255.0
   ip access-group 110 in
   duplex auto
   speed auto
  !
  ip forward-protocol nd
  !
  ip route 0.0.0.0 0.0.0.0 203.0.113.1
  !
  ip access-list standard MGMT-HOSTS
   permit 10.255.255.10
   permit 10.99.0.0 0.0.0.255
  !
  ip access-list extended WAN-IN
   permit tcp any host 203.0.113.2 eq 22
   permit udp host 198.51.100.53 eq domain any
   permit icmp any any echo-reply
   deny   ip any any log
  !
  access-list 10 permit 10.99.0.0 0.0.0.255
  access-list 110 permit tcp 10.1.10.0 0.0.0.255 any eq www
  access-list 110 permit tcp 10.1.10.0 0.0.0.255 any eq 443
  access-list 110 permit udp 10.1.10.0 0.0.0.255 any eq domain
  !
  snmp-server community N3tw0rkRO RO MGMT-HOSTS
  !
  line con 0
   logging synchronous
  line vty 0 4
   access-class 10 in
   login local
   transport input ssh
  !
  end
`;
const RUN = PREAMBLE + RTR;

const WAN_IN = [
  'ip access-list extended WAN-IN\n',
  ' permit tcp any host 203.0.113.2 eq 22\n',
  ' permit udp host 198.51.100.53 eq domain any\n',
  ' permit icmp any any echo-reply\n',
  ' deny   ip any any log\n',
].join('');

const SEQUENCE_NOTE =
  'Judgement on sequence numbers (see the header of acls.ts): S = 10, new entries spaced evenly between kept neighbours.';

export const scenarios: Scenario[] = [
  {
    name: 'numbered standard ACL: entry appended at the end is sent alone',
    rule: 'Ordered lists: intended = running + entries at the end → appended',
    running: RUN,
    intended: edit(RTR, [
      'access-list 10 permit 10.99.0.0 0.0.0.255\n',
      'access-list 10 permit 10.99.0.0 0.0.0.255\naccess-list 10 permit 10.98.0.0 0.0.0.255\n',
    ]),
    expected: ['access-list 10 permit 10.98.0.0 0.0.0.255'],
    note: '`access-list N …` appends to the end of the list on IOS.',
  },
  {
    name: 'numbered extended ACL: entry appended at the end is sent alone',
    rule: 'Ordered lists: intended = running + entries at the end → appended',
    running: RUN,
    intended: edit(RTR, [
      'access-list 110 permit udp 10.1.10.0 0.0.0.255 any eq domain\n',
      'access-list 110 permit udp 10.1.10.0 0.0.0.255 any eq domain\naccess-list 110 permit icmp 10.1.10.0 0.0.0.255 any echo\n',
    ]),
    expected: ['access-list 110 permit icmp 10.1.10.0 0.0.0.255 any echo'],
  },
  {
    name: 'numbered ACL: middle entry removed by sequence number, never "no access-list N <entry>"',
    rule: 'Ordered lists: numbered lists edited through `ip access-list extended N`; `no access-list N <entry>` never emitted',
    running: RUN,
    intended: edit(RTR, ['access-list 110 permit tcp 10.1.10.0 0.0.0.255 any eq 443\n', '']),
    expected: [
      'ip access-list resequence 110 10 10',
      'ip access-list extended 110',
      ' no 20',
      'exit',
      'ip access-list resequence 110 10 10',
    ],
    note: '`no access-list 110 permit tcp …` would delete the whole ACL 110 while it filters Gi0/1. Entry 2 of 3 has sequence 20 after the first resequence.',
  },
  {
    name: 'numbered ACL: entry inserted in the middle by sequence number',
    rule: 'Ordered lists: `<seq> <entry>` between kept entries, numbered list through ip access-list extended N',
    running: RUN,
    intended: edit(RTR, [
      'access-list 110 permit tcp 10.1.10.0 0.0.0.255 any eq www\n',
      'access-list 110 permit tcp 10.1.10.0 0.0.0.255 any eq www\naccess-list 110 permit tcp 10.1.10.0 0.0.0.255 any eq 8080\n',
    ]),
    expected: [
      'ip access-list resequence 110 10 10',
      'ip access-list extended 110',
      ' 15 permit tcp 10.1.10.0 0.0.0.255 any eq 8080',
      'exit',
      'ip access-list resequence 110 10 10',
    ],
    note: `${SEQUENCE_NOTE} One new entry between 10 and 20 is 15. Inside the ACL mode the entry is sent without the "access-list 110" prefix.`,
  },
  {
    name: 'numbered ACL removed entirely is one "no access-list N"',
    rule: 'Ordered lists: a numbered list removed entirely is `no access-list N` (840)',
    running: edit(RUN, [
      'access-list 10 permit 10.99.0.0 0.0.0.255\n',
      'access-list 10 permit 10.99.0.0 0.0.0.255\naccess-list 99 permit 192.168.0.0 0.0.255.255\naccess-list 99 deny   any log\n',
    ]),
    intended: RTR,
    expected: ['no access-list 99'],
  },
  {
    name: 'named standard ACL: entry appended at the end, without sequence number',
    rule: 'Ordered lists: intended = running + entries at the end → appended',
    running: RUN,
    intended: edit(RTR, [
      ' permit 10.255.255.10\n permit 10.99.0.0 0.0.0.255\n',
      ' permit 10.255.255.10\n permit 10.99.0.0 0.0.0.255\n permit 10.98.0.0 0.0.0.255\n',
    ]),
    expected: ['ip access-list standard MGMT-HOSTS', ' permit 10.98.0.0 0.0.0.255', 'exit'],
    note: 'An entry without sequence number goes after the last one on IOS; no resequence is needed for a pure append.',
  },
  {
    name: 'named extended ACL: entry inserted before the final deny',
    rule: 'Ordered lists: resequence S S, `<seq> <entry>` between kept entries, resequence 10 10',
    running: RUN,
    intended: edit(RTR, [
      ' permit icmp any any echo-reply\n',
      ' permit icmp any any echo-reply\n permit icmp any any unreachable\n',
    ]),
    expected: [
      'ip access-list resequence WAN-IN 10 10',
      'ip access-list extended WAN-IN',
      ' 35 permit icmp any any unreachable',
      'exit',
      'ip access-list resequence WAN-IN 10 10',
    ],
    note: `${SEQUENCE_NOTE} Kept entries 10 20 30 40; the new one sits between 30 and 40.`,
  },
  {
    name: 'named extended ACL: middle entry deleted by sequence number',
    rule: 'Ordered lists: `no <seq>` for entries that leave, list never deleted and re-created',
    running: RUN,
    intended: edit(RTR, [' permit udp host 198.51.100.53 eq domain any\n', '']),
    expected: [
      'ip access-list resequence WAN-IN 10 10',
      'ip access-list extended WAN-IN',
      ' no 20',
      'exit',
      'ip access-list resequence WAN-IN 10 10',
    ],
    note: `${SEQUENCE_NOTE} The second of four entries is 20.`,
  },
  {
    name: 'named extended ACL: entry changed in the middle is deleted and re-inserted in place',
    rule: 'Ordered lists: deletions first, then inserts between kept entries',
    running: RUN,
    intended: edit(RTR, [' permit udp host 198.51.100.53 eq domain any\n', ' permit udp host 198.51.100.54 eq domain any\n']),
    expected: [
      'ip access-list resequence WAN-IN 10 10',
      'ip access-list extended WAN-IN',
      ' no 20',
      ' 20 permit udp host 198.51.100.54 eq domain any',
      'exit',
      'ip access-list resequence WAN-IN 10 10',
    ],
    note: `${SEQUENCE_NOTE} Kept neighbours 10 and 30, one new entry: 10 + floor(20/2) = 20, free again after "no 20". An implementation placing it at 15 or 11 would be equally safe; this is the spec-silent part.`,
  },
  {
    name: 'named extended ACL: reordering is a change (entry moved to the top)',
    rule: 'Remediate: order matters for ACL entries; moved entry leaves and is re-inserted',
    running: RUN,
    intended: edit(
      RTR,
      [' permit icmp any any echo-reply\n', ''],
      [' permit tcp any host 203.0.113.2 eq 22\n', ' permit icmp any any echo-reply\n permit tcp any host 203.0.113.2 eq 22\n'],
    ),
    expected: [
      'ip access-list resequence WAN-IN 10 10',
      'ip access-list extended WAN-IN',
      ' no 30',
      ' 5 permit icmp any any echo-reply',
      'exit',
      'ip access-list resequence WAN-IN 10 10',
    ],
    note: `${SEQUENCE_NOTE} Kept (longest common subsequence, unique here): entries 10 20 40; entry 30 leaves and comes back before 10: floor(10/2) = 5. Deleting first also avoids a duplicate entry.`,
  },
  {
    name: 'standard ACL "host A" in intent equals "A" as IOS displays it',
    rule: 'Normalise: `host` dropped in standard ACLs',
    running: RUN,
    intended: edit(
      RTR,
      [' permit 10.255.255.10\n', ' permit host 10.255.255.10\n'],
      ['access-list 10 permit 10.99.0.0 0.0.0.255\n', 'access-list 10 permit 10.99.0.0 0.0.0.255\naccess-list 10 permit host 10.99.1.10\n'],
    ),
    expected: ['access-list 10 permit 10.99.1.10'],
    note: 'The named entry is unchanged; the appended numbered entry is rendered as IOS displays it (without host), which IOS also accepts as input.',
  },
  {
    name: 'extended ACL "A 0.0.0.0" and "0.0.0.0 255.255.255.255" equal "host A" and "any"',
    rule: 'Normalise: canonical ACL entries',
    running: RUN,
    intended: edit(RTR, [
      WAN_IN,
      [
        'ip access-list extended WAN-IN\n',
        ' permit tcp 0.0.0.0 255.255.255.255 203.0.113.2 0.0.0.0 eq 22\n',
        ' permit udp 198.51.100.53 0.0.0.0 eq domain any\n',
        ' permit icmp any 0.0.0.0 255.255.255.255 echo-reply\n',
        ' deny ip any any log\n',
      ].join(''),
    ]),
    expected: [],
  },
  {
    name: 'port number in intent equals the IOS port name in running (80 = www)',
    rule: 'Normalise: well-known port numbers → IOS names',
    running: RUN,
    intended: edit(RTR, [
      'access-list 110 permit tcp 10.1.10.0 0.0.0.255 any eq www\n',
      'access-list 110 permit tcp 10.1.10.0 0.0.0.255 any eq 80\n',
    ]),
    expected: [],
  },
  {
    name: 'IOS-XE named ACL printed with sequence numbers equals the same list without them',
    rule: 'Normalise: named ACL sequence numbers sorted on, then removed',
    running: edit(RUN, [
      WAN_IN,
      [
        'ip access-list extended WAN-IN\n',
        ' 10 permit tcp any host 203.0.113.2 eq 22\n',
        ' 20 permit udp host 198.51.100.53 eq domain any\n',
        ' 30 permit icmp any any echo-reply\n',
        ' 40 deny ip any any log\n',
      ].join(''),
    ]),
    intended: RTR,
    expected: [],
  },
  {
    name: 'intent written with sequence numbers out of order is ordered by sequence',
    rule: 'Normalise: named ACL entries sorted on their sequence numbers',
    running: RUN,
    intended: edit(RTR, [
      WAN_IN,
      [
        'ip access-list extended WAN-IN\n',
        ' 30 permit icmp any any echo-reply\n',
        ' 10 permit tcp any host 203.0.113.2 eq 22\n',
        ' 99 deny ip any any log\n',
        ' 20 permit udp host 198.51.100.53 eq domain any\n',
      ].join(''),
    ]),
    expected: [],
  },
  {
    name: 'new ACL is created before the interface binds it',
    rule: 'Order: ACLs created (200) before interfaces (500)',
    running: RUN,
    intended: edit(
      RTR,
      [' ip access-group WAN-IN in\n', ' ip access-group WAN-IN in\n ip access-group WAN-OUT out\n'],
      ['access-list 10 permit', 'ip access-list extended WAN-OUT\n deny   tcp any any eq 445\n permit ip any any\n!\naccess-list 10 permit'],
    ),
    expected: [
      'ip access-list extended WAN-OUT',
      ' deny tcp any any eq 445',
      ' permit ip any any',
      'exit',
      'interface GigabitEthernet0/0',
      ' ip access-group WAN-OUT out',
      'exit',
    ],
    note: 'Binding a missing ACL would let everything through on IOS (an undefined ACL permits all) until it is created.',
  },
  {
    name: 'binding is removed before the ACL is deleted',
    rule: 'Order: interface changes (500) before ACL deletion (840)',
    running: RUN,
    intended: edit(RTR, [' ip access-group WAN-IN in\n', ''], [WAN_IN + '!\n', '']),
    expected: [
      'interface GigabitEthernet0/0',
      ' no ip access-group WAN-IN in',
      'exit',
      'no ip access-list extended WAN-IN',
    ],
  },
  {
    name: 'interface moved to a new ACL: create new, rebind in place, delete old',
    rule: 'Slots: ip access-group … in; order 200 → 500 → 840',
    running: RUN,
    intended: edit(
      RTR,
      [' ip access-group 110 in\n', ' ip access-group LAN-IN in\n'],
      [
        'access-list 110 permit tcp 10.1.10.0 0.0.0.255 any eq www\naccess-list 110 permit tcp 10.1.10.0 0.0.0.255 any eq 443\naccess-list 110 permit udp 10.1.10.0 0.0.0.255 any eq domain\n',
        '',
      ],
      [
        'ip access-list standard MGMT-HOSTS\n',
        'ip access-list extended LAN-IN\n permit tcp 10.1.10.0 0.0.0.255 any eq www\n permit tcp 10.1.10.0 0.0.0.255 any eq 443\n permit udp 10.1.10.0 0.0.0.255 any eq domain\n!\nip access-list standard MGMT-HOSTS\n',
      ],
    ),
    expected: [
      'ip access-list extended LAN-IN',
      ' permit tcp 10.1.10.0 0.0.0.255 any eq www',
      ' permit tcp 10.1.10.0 0.0.0.255 any eq 443',
      ' permit udp 10.1.10.0 0.0.0.255 any eq domain',
      'exit',
      'interface GigabitEthernet0/1',
      ' ip access-group LAN-IN in',
      'exit',
      'no access-list 110',
    ],
    note: 'The new access-group replaces the old one in place (no unfiltered window from `no ip access-group 110 in`).',
  },
  {
    name: 'ACL name redefined as another type: the old list is removed first',
    rule: 'Slots with removal first: ip access-list standard|extended NAME',
    running: RUN,
    intended: edit(RTR, [
      'ip access-list standard MGMT-HOSTS\n permit 10.255.255.10\n permit 10.99.0.0 0.0.0.255\n',
      'ip access-list extended MGMT-HOSTS\n permit ip host 10.255.255.10 any\n permit ip 10.99.0.0 0.0.0.255 any\n',
    ]),
    expected: [
      'no ip access-list standard MGMT-HOSTS',
      'ip access-list extended MGMT-HOSTS',
      ' permit ip host 10.255.255.10 any',
      ' permit ip 10.99.0.0 0.0.0.255 any',
      'exit',
    ],
    note: 'IOS rejects "ip access-list extended X" while a standard list X exists.',
  },
];
