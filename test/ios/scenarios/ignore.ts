// User ignore rules (a regex on the line text, optionally only inside sections whose header
// matches another regex; an ignored line goes with everything under it, on both sides) and
// ignoreVersion.

import { edit, ios, type Scenario } from './types.js';

const PREAMBLE = 'Building configuration...\n\nCurrent configuration : 4312 bytes\n!\n';

const RTR = ios`
  version 15.7
  service timestamps debug datetime msec
  service timestamps log datetime msec
  !
  hostname BR1-RTR
  !
  logging buffered 64000 informational
  !
  crypto pki trustpoint TP-self-signed-4146318932
   enrollment selfsigned
   subject-name cn=IOS-Self-Signed-Certificate-4146318932
   revocation-check none
   rsakeypair TP-self-signed-4146318932
  !
  !
  crypto pki certificate chain TP-self-signed-4146318932
   certificate self-signed 01
    3082022B 30820194 A0030201 02020101 300D0609 2A864886 F70D0101 05050030
    31312F30 2D060355 04031326 494F532D 53656C66 2D536967 6E65642D 43657274
    69666963 6174652D 34313436 33313839 3332301E 170D3234 30333035 31343032
    	quit
  !
  username netops privilege 15 secret 9 $9$Wq7ZqTzqYJdkZk$8x9ohR1tUi6N9m7mwGFvjw9VkKXYkuYbC9wDJ4dHd5o
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
  ip route 0.0.0.0 0.0.0.0 203.0.113.1
  !
  logging host 10.99.0.50
  !
  snmp-server community N3tw0rkRO RO
  snmp-server location DC1 Row 3 Rack 14
  !
  route-map RM-LAN permit 10
   match interface GigabitEthernet0/1
  !
  line con 0
   exec-timeout 15 0
   logging synchronous
  line vty 0 4
   exec-timeout 10 0
   login local
   transport input ssh
  !
  end
`;
const RUN = PREAMBLE + RTR;

/** RTR without the PKI blocks, as a person would keep it in Git. */
const GIT = edit(RTR, [
  [
    'crypto pki trustpoint TP-self-signed-4146318932\n',
    ' enrollment selfsigned\n',
    ' subject-name cn=IOS-Self-Signed-Certificate-4146318932\n',
    ' revocation-check none\n',
    ' rsakeypair TP-self-signed-4146318932\n',
    '!\n!\n',
    'crypto pki certificate chain TP-self-signed-4146318932\n',
    ' certificate self-signed 01\n',
    '  3082022B 30820194 A0030201 02020101 300D0609 2A864886 F70D0101 05050030\n',
    '  31312F30 2D060355 04031326 494F532D 53656C66 2D536967 6E65642D 43657274\n',
    '  69666963 6174652D 34313436 33313839 3332301E 170D3234 30333035 31343032\n',
    '  \tquit\n',
    '!\n',
  ].join(''),
  '',
]);

const PKI = [{ match: '^crypto pki ' }];

export const scenarios: Scenario[] = [
  {
    name: 'ignored section header drops everything under it (PKI blocks only on the device)',
    rule: 'Ignore rules: an ignored line is dropped with everything under it',
    running: RUN,
    intended: GIT,
    options: { ignore: PKI },
    expected: [],
    note: 'The certificate hex is read up to its `quit` by the parser and goes with the chain.',
  },
  {
    name: 'ignored top-level lines present only on the device are not removed',
    rule: 'Ignore rules: regex on the line text, both sides',
    running: RUN,
    intended: edit(GIT, ['snmp-server community N3tw0rkRO RO\n', '']),
    options: { ignore: [...PKI, { match: '^snmp-server community ' }] },
    expected: [],
  },
  {
    name: 'ignored lines present only in intent are not sent',
    rule: 'Ignore rules: dropped on both sides',
    running: RUN,
    intended: edit(GIT, [
      'username netops privilege 15 secret 9 $9$Wq7ZqTzqYJdkZk$8x9ohR1tUi6N9m7mwGFvjw9VkKXYkuYbC9wDJ4dHd5o\n',
      'username netops privilege 15 secret 9 $9$Wq7ZqTzqYJdkZk$8x9ohR1tUi6N9m7mwGFvjw9VkKXYkuYbC9wDJ4dHd5o\nusername breakglass privilege 15 secret 0 CHANGE-ME\n',
    ]),
    options: { ignore: [...PKI, { match: '^username breakglass ' }] },
    expected: [],
  },
  {
    name: 'ignore rule does not hide unrelated changes',
    rule: 'Ignore rules: only matching lines are dropped',
    running: RUN,
    intended: edit(
      GIT,
      ['logging host 10.99.0.50\n', 'logging host 10.99.0.60\n'],
      ['logging buffered 64000 informational\n', 'logging buffered 128000 informational\n'],
    ),
    options: { ignore: [...PKI, { match: '^logging host ' }] },
    expected: ['logging buffered 128000 informational'],
  },
  {
    name: 'ignore rule limited to sections: interface descriptions ignored, a route-map description still managed',
    rule: 'Ignore rules: `within` limits the rule to lines inside sections whose header matches',
    running: RUN,
    intended: edit(
      GIT,
      [' description WAN to ISP-A\n', ' description WAN\n'],
      [' description LAN\n', ''],
      [' match interface GigabitEthernet0/1\n', ' description LAN subnets into BGP\n match interface GigabitEthernet0/1\n'],
    ),
    options: { ignore: [...PKI, { match: '^description ', within: '^interface ' }] },
    expected: ['route-map RM-LAN permit 10', ' description LAN subnets into BGP', 'exit'],
  },
  {
    name: 'ignore rule limited to one line section: console timeout ignored, vty timeout managed',
    rule: 'Ignore rules: `within` regex on the section header',
    running: RUN,
    intended: edit(GIT, [' exec-timeout 15 0\n', ' exec-timeout 0 0\n'], [' exec-timeout 10 0\n', ' exec-timeout 5 0\n']),
    options: { ignore: [...PKI, { match: '^exec-timeout ', within: '^line con ' }] },
    expected: ['line vty 0 4', ' exec-timeout 5 0', 'exit'],
  },
  {
    name: 'ignored interface section is neither defaulted nor changed',
    rule: 'Ignore rules: a section header matched by the rule goes with its children, on both sides',
    running: RUN,
    intended: edit(GIT, ['interface GigabitEthernet0/1\n description LAN\n ip address 10.1.10.1 255.255.255.0\n duplex auto\n speed auto\n!\n', '']),
    options: { ignore: [...PKI, { match: '^interface GigabitEthernet0/1$' }] },
    expected: [],
    note: 'Without the rule this would be `default interface GigabitEthernet0/1`.',
  },
  {
    name: 'ignoreVersion: a different version line is not a change',
    rule: 'Normalise: `version …` dropped when ignoreVersion is set',
    running: RUN,
    intended: edit(GIT, ['version 15.7\n', 'version 15.9\n']),
    options: { ignore: PKI, ignoreVersion: true },
    expected: [],
  },
];
