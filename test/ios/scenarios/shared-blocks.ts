// Blocks written the same on both sides: planConfig parses and normalises them once and the
// two trees share them (src/ios/pair.ts). Each scenario puts such blocks next to what still
// has to be seen whole: changed neighbours, a section entered twice, numbered ACL lines and
// prefix-list entries whose meaning depends on the lines around them, group removals, and
// lines written differently that mean the same.

import { ios, type Scenario } from './types.js';

const RULE = 'Remediate: identical blocks are no change, whatever happens around them';

export const scenarios: Scenario[] = [
  {
    name: 'shared blocks: a changed section between identical ones',
    rule: RULE,
    running: ios`
      hostname R1
      interface GigabitEthernet0/1
       description uplink
       ip address 10.0.0.1 255.255.255.0
      interface GigabitEthernet0/2
       description access
      router ospf 1
       network 10.0.0.0 0.0.0.255 area 0
    `,
    intended: ios`
      hostname R1
      interface GigabitEthernet0/1
       description uplink
       ip address 10.0.0.1 255.255.255.0
      interface GigabitEthernet0/2
       description access ports
      router ospf 1
       network 10.0.0.0 0.0.0.255 area 0
    `,
    expected: ['interface GigabitEthernet0/2', ' description access ports', 'exit'],
  },
  {
    name: 'shared blocks: a section entered twice in intent, the first part as on the device',
    rule: 'Normalise: duplicate sections are merged (IOS merges them)',
    running: ios`
      interface GigabitEthernet0/1
       description uplink
    `,
    intended: ios`
      interface GigabitEthernet0/1
       description uplink
      hostname R1
      interface GigabitEthernet0/1
       shutdown
    `,
    expected: ['interface GigabitEthernet0/1', ' shutdown', 'exit', 'hostname R1'],
    note: 'The merged section is where it is first entered: before the hostname, in intent order.',
  },
  {
    name: 'shared blocks: a section entered twice on the device, once in intent',
    rule: 'Normalise: duplicate sections are merged (IOS merges them)',
    running: ios`
      interface GigabitEthernet0/1
       description uplink
      hostname R1
      interface GigabitEthernet0/1
       shutdown
    `,
    intended: ios`
      interface GigabitEthernet0/1
       description uplink
      hostname R1
    `,
    expected: ['interface GigabitEthernet0/1', ' no shutdown', 'exit'],
  },
  {
    name: 'shared blocks: numbered ACL lines all identical, two of them swapped',
    rule: 'Ordered lists: numbered ACLs are edited in place by sequence number',
    running: ios`
      access-list 10 permit 10.0.0.1
      access-list 10 permit 10.0.0.2
      access-list 10 deny any
      hostname R1
    `,
    intended: ios`
      access-list 10 permit 10.0.0.2
      access-list 10 permit 10.0.0.1
      access-list 10 deny any
      hostname R1
    `,
    expected: [
      'ip access-list resequence 10 10 10',
      'ip access-list standard 10',
      ' no 10',
      ' 25 permit 10.0.0.1',
      'exit',
      'ip access-list resequence 10 10 10',
    ],
    note: 'Every line is written the same on both sides, yet the list changed: its order counts.',
  },
  {
    name: 'shared blocks: one route-map entry leaves, the identical other stays',
    rule: 'Ordered lists: route-maps whose entries all leave are `no route-map NAME`; here one stays',
    running: ios`
      route-map RM-OUT permit 10
       match ip address prefix-list PL-OUT
      route-map RM-OUT deny 20
    `,
    intended: ios`
      route-map RM-OUT permit 10
       match ip address prefix-list PL-OUT
    `,
    expected: ['no route-map RM-OUT deny 20'],
    note: '`no route-map RM-OUT` would delete entry 10 too.',
  },
  {
    name: 'shared blocks: an identical prefix-list line numbered by the lines before it',
    rule: 'Normalise: prefix-list entries without `seq` get IOS automatic numbers (5 after the highest so far)',
    running: ios`
      ip prefix-list PL seq 5 permit 10.0.0.0/8
      ip prefix-list PL permit 172.16.0.0/12
    `,
    intended: ios`
      ip prefix-list PL seq 5 permit 10.0.0.0/8
      ip prefix-list PL seq 20 permit 192.168.0.0/16
      ip prefix-list PL permit 172.16.0.0/12
    `,
    expected: [
      'no ip prefix-list PL seq 10 permit 172.16.0.0/12',
      'ip prefix-list PL seq 20 permit 192.168.0.0/16',
      'ip prefix-list PL seq 25 permit 172.16.0.0/12',
    ],
    note: 'The last line is written the same on both sides but is entry 10 on the device and entry 25 in intent.',
  },
  {
    name: 'shared blocks: the same interface written short in intent, referenced short too',
    rule: 'Normalise: interface names canonical in headers and references',
    running: ios`
      interface GigabitEthernet0/1
       description uplink
      router ospf 1
       passive-interface GigabitEthernet0/1
      hostname R1
    `,
    intended: ios`
      int Gi0/1
       description uplink
      router ospf 1
       passive-interface Gi0/1
      hostname R1
    `,
    expected: [],
  },
  {
    name: 'shared blocks: a top-level exit, then a line indented under the section above',
    rule: 'Parse: a top-level terminator closes nothing; indentation says where a line belongs',
    running: ios`
      interface GigabitEthernet0/1
       description uplink
      hostname R1
    `,
    intended: ios`
      interface GigabitEthernet0/1
       description uplink
      exit
       shutdown
      hostname R1
    `,
    expected: ['interface GigabitEthernet0/1', ' shutdown', 'exit'],
    note: 'The intended block starts with the lines of the device block but goes on after them.',
  },
  {
    name: 'shared blocks: identical sections with other comments and separators around them',
    rule: 'Parse: comments and terminators are structure, not configuration',
    running: ios`
      hostname R1
      !
      router bgp 65000
       neighbor 192.0.2.1 remote-as 65001
       !
       address-family ipv4
        neighbor 192.0.2.1 activate
       exit-address-family
      !
      end
    `,
    intended: ios`
      hostname R1
      router bgp 65000
       neighbor 192.0.2.1 remote-as 65001
       address-family ipv4
        neighbor 192.0.2.1 activate
    `,
    expected: [],
  },
];
