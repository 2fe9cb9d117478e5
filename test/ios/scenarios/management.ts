// Management plane: users and secrets, SNMP, logging, NTP, AAA, SSH and line settings.

import { edit, ios, type Scenario } from './types.js';

const PREAMBLE = 'Building configuration...\n\nCurrent configuration : 2688 bytes\n!\n! NVRAM config last updated at 17:40:03 UTC Thu Feb 29 2024 by netops\n!\n';

const RTR = ios`
  version 15.7
  service timestamps debug datetime msec
  service timestamps log datetime msec
  service password-encryption
  !
  hostname BR1-RTR
  !
  boot-start-marker
  boot-end-marker
  !
  logging buffered 64000 informational
  logging console critical
  enable secret 9 $9$4gRaE0Lm8MuUS.$dL3Ur0Y.yi6QmErz7T7kdUs7BzvZ3yGJMj.RWOozrW2
  !
  aaa new-model
  !
  aaa authentication login default group tacacs+ local
  aaa authorization exec default group tacacs+ local
  aaa accounting exec default start-stop group tacacs+
  !
  aaa session-id common
  !
  ip domain name branch1.example.net
  ip cef
  !
  username netops privilege 15 secret 9 $9$Wq7ZqTzqYJdkZk$8x9ohR1tUi6N9m7mwGFvjw9VkKXYkuYbC9wDJ4dHd5o
  username backup privilege 15 secret 9 $9$yT0eC1k1B3zV3k$0mEJf3WgGQpGSpG7wIhlXbTnMBoU2JdoRzcCGpBZnWs
  !
  ip ssh time-out 60
  ip ssh version 2
  !
  interface GigabitEthernet0/0
   description WAN to ISP-A
   ip address 203.0.113.2 255.255.255.252
   duplex auto
   speed auto
  !
  interface GigabitEthernet0/1
   description MGMT
   ip address 10.99.0.254 255.255.255.0
   duplex auto
   speed auto
  !
  ip forward-protocol nd
  !
  ip route 0.0.0.0 0.0.0.0 203.0.113.1
  !
  logging host 10.99.0.50
  access-list 10 permit 10.99.0.0 0.0.0.255
  access-list 11 permit 10.99.0.0 0.0.0.255
  access-list 11 permit 10.98.0.0 0.0.0.255
  !
  snmp-server community N3tw0rkRO RO 10
  snmp-server location DC1 Row 3 Rack 14
  snmp-server contact noc@example.net
  !
  tacacs server TAC1
   address ipv4 10.99.0.20
   key 7 0822455D0A16544541
  !
  line con 0
   exec-timeout 15 0
   logging synchronous
  line aux 0
  line vty 0 4
   access-class 10 in
   exec-timeout 10 0
   transport input telnet ssh
  line vty 5 15
   access-class 10 in
   exec-timeout 10 0
   transport input ssh
  !
  ntp server 10.99.0.1
  ntp server 10.99.0.2
  !
  end
`;
const RUN = PREAMBLE + RTR;

export const scenarios: Scenario[] = [
  {
    name: 'user password change replaces the username line, never "no username" first',
    rule: 'Slots: username X',
    running: RUN,
    intended: edit(RTR, [
      'username backup privilege 15 secret 9 $9$yT0eC1k1B3zV3k$0mEJf3WgGQpGSpG7wIhlXbTnMBoU2JdoRzcCGpBZnWs\n',
      'username backup privilege 15 secret 9 $9$Hc2vP0mS7wqJ5E$Zx1k0pQ7yBv3h6Tn2sWcR8dLmF4gJ9aE5uY0iO3tKqM\n',
    ]),
    expected: ['username backup privilege 15 secret 9 $9$Hc2vP0mS7wqJ5E$Zx1k0pQ7yBv3h6Tn2sWcR8dLmF4gJ9aE5uY0iO3tKqM'],
    note: '`no username backup` first could lock the session out if it is the account in use.',
  },
  {
    name: 'user absent from intent is removed with "no username X"',
    rule: 'Negation table: `no username X`',
    running: RUN,
    intended: edit(RTR, ['username backup privilege 15 secret 9 $9$yT0eC1k1B3zV3k$0mEJf3WgGQpGSpG7wIhlXbTnMBoU2JdoRzcCGpBZnWs\n', '']),
    expected: ['no username backup'],
  },
  {
    name: 'new user added',
    rule: 'Remediate: new top-level line',
    running: RUN,
    intended: edit(RTR, [
      'username netops privilege 15',
      'username auditor privilege 1 secret 9 $9$Qm3rT8vX1cN6bL$4kP9sH2jW7eR0yU5iO8aZ3xC6vB1nM4qL7wE2tY9uI0\nusername netops privilege 15',
    ]),
    expected: ['username auditor privilege 1 secret 9 $9$Qm3rT8vX1cN6bL$4kP9sH2jW7eR0yU5iO8aZ3xC6vB1nM4qL7wE2tY9uI0'],
  },
  {
    name: 'enable secret change replaces it in place',
    rule: 'Slots: enable secret',
    running: RUN,
    intended: edit(RTR, [
      'enable secret 9 $9$4gRaE0Lm8MuUS.$dL3Ur0Y.yi6QmErz7T7kdUs7BzvZ3yGJMj.RWOozrW2\n',
      'enable secret 9 $9$Jd8kE2rT6yW1qZ$hV3nB7mC0xL5pK9sA2dF6gH1jQ4wE8rT0yU3iO7pLzX\n',
    ]),
    expected: ['enable secret 9 $9$Jd8kE2rT6yW1qZ$hV3nB7mC0xL5pK9sA2dF6gH1jQ4wE8rT0yU3iO7pLzX'],
  },
  {
    name: 'SNMP community restricted to another ACL is replaced in place',
    rule: 'Slots: snmp-server community X',
    running: RUN,
    intended: edit(RTR, ['snmp-server community N3tw0rkRO RO 10\n', 'snmp-server community N3tw0rkRO RO 11\n']),
    expected: ['snmp-server community N3tw0rkRO RO 11'],
  },
  {
    name: 'SNMP community rotated: new community added, then the old one removed',
    rule: 'Negation table: `no snmp-server community X`; additions (500) before removals (600)',
    running: RUN,
    intended: edit(RTR, ['snmp-server community N3tw0rkRO RO 10\n', 'snmp-server community Kq7-vT2m-RO RO 10\n']),
    expected: ['snmp-server community Kq7-vT2m-RO RO 10', 'no snmp-server community N3tw0rkRO'],
  },
  {
    name: 'SNMP location is replaced in place',
    rule: 'Slots: snmp-server location',
    running: RUN,
    intended: edit(RTR, ['snmp-server location DC1 Row 3 Rack 14\n', 'snmp-server location DC2 Row 1 Rack 2\n']),
    expected: ['snmp-server location DC2 Row 1 Rack 2'],
  },
  {
    name: 'SNMP contact removed uses the argument-less negation',
    rule: 'Negation: `no snmp-server contact` (like the table entry for location)',
    running: RUN,
    intended: edit(RTR, ['snmp-server contact noc@example.net\n', '']),
    expected: ['no snmp-server contact'],
    note: 'Judgement: the spec lists `no snmp-server location` only; contact takes the same form on IOS.',
  },
  {
    name: 'logging console level is replaced in place',
    rule: 'Slots: logging console',
    running: RUN,
    intended: edit(RTR, ['logging console critical\n', 'logging console warnings\n']),
    expected: ['logging console warnings'],
  },
  {
    name: 'logging console absent from intent returns to the default, not "no logging console"',
    rule: 'Negation table: `default logging console`',
    running: RUN,
    intended: edit(RTR, ['logging console critical\n', '']),
    expected: ['default logging console'],
    note: '`no logging console` would disable console logging, which is not what an absent line means.',
  },
  {
    name: 'logging buffered size and level are replaced in place',
    rule: 'Slots: logging buffered',
    running: RUN,
    intended: edit(RTR, ['logging buffered 64000 informational\n', 'logging buffered 256000 debugging\n']),
    expected: ['logging buffered 256000 debugging'],
  },
  {
    name: 'syslog server moved: new host added, then the old one removed',
    rule: 'Remediate: logging host is a list (no slot); additions (500) before removals (600)',
    running: RUN,
    intended: edit(RTR, ['logging host 10.99.0.50\n', 'logging host 10.99.0.51\n']),
    expected: ['logging host 10.99.0.51', 'no logging host 10.99.0.50'],
  },
  {
    name: 'NTP server replaced: new server added, then the old one removed',
    rule: 'Remediate: ntp server is a list (no slot); additions (500) before removals (600)',
    running: RUN,
    intended: edit(RTR, ['ntp server 10.99.0.2\n', 'ntp server 10.99.0.3\n']),
    expected: ['ntp server 10.99.0.3', 'no ntp server 10.99.0.2'],
  },
  {
    name: 'vty access-class moved to a new ACL: ACL created first, both vty ranges rebound in place',
    rule: 'Slots: line access-class … in; order ACL (200) before lines (500)',
    running: RUN,
    intended: edit(
      RTR,
      ['access-list 11 permit 10.98.0.0 0.0.0.255\n', 'access-list 11 permit 10.98.0.0 0.0.0.255\naccess-list 12 permit 10.99.0.0 0.0.0.255\naccess-list 12 permit 10.97.0.0 0.0.0.255\n'],
      ['line vty 0 4\n access-class 10 in\n', 'line vty 0 4\n access-class 12 in\n'],
      ['line vty 5 15\n access-class 10 in\n', 'line vty 5 15\n access-class 12 in\n'],
    ),
    expected: [
      'access-list 12 permit 10.99.0.0 0.0.0.255',
      'access-list 12 permit 10.97.0.0 0.0.0.255',
      'line vty 0 4',
      ' access-class 12 in',
      'exit',
      'line vty 5 15',
      ' access-class 12 in',
      'exit',
    ],
    note: 'Never `no access-class 10 in` first: the vty lines would accept SSH from anywhere in between.',
  },
  {
    name: 'vty transport input is replaced in place',
    rule: 'Slots: line transport input',
    running: RUN,
    intended: edit(RTR, [' transport input telnet ssh\n', ' transport input ssh\n']),
    expected: ['line vty 0 4', ' transport input ssh', 'exit'],
  },
  {
    name: 'vty exec-timeout is replaced in place',
    rule: 'Slots: line exec-timeout',
    running: RUN,
    intended: edit(RTR, ['line vty 0 4\n access-class 10 in\n exec-timeout 10 0\n', 'line vty 0 4\n access-class 10 in\n exec-timeout 5 0\n']),
    expected: ['line vty 0 4', ' exec-timeout 5 0', 'exit'],
  },
  {
    name: 'console exec-timeout removed is "no exec-timeout"',
    rule: 'Negation: `no exec-timeout` under a line',
    running: RUN,
    intended: edit(RTR, [' exec-timeout 15 0\n', '']),
    expected: ['line con 0', ' no exec-timeout', 'exit'],
    note: 'The argument-less form (platform table); IOS returns to the 10-minute default.',
  },
  {
    name: 'aaa authentication login method list is replaced in place',
    rule: 'Slots: aaa authentication login <list>',
    running: RUN,
    intended: edit(RTR, ['aaa authentication login default group tacacs+ local\n', 'aaa authentication login default group tacacs+ local-case\n']),
    expected: ['aaa authentication login default group tacacs+ local-case'],
    note: 'Removing the method list first would leave the default login method in force for new sessions in between.',
  },
  {
    name: 'aaa accounting method list removed by its name, without the methods',
    rule: 'Negation: `no aaa accounting exec default`',
    running: RUN,
    intended: edit(RTR, ['aaa accounting exec default start-stop group tacacs+\n', '']),
    expected: ['no aaa accounting exec default'],
    note: 'Judgement: the spec does not list aaa negations; the platform table and IOS documentation use `no aaa accounting <type> <list>` without the methods.',
  },
  {
    name: 'ip ssh time-out is replaced in place',
    rule: 'Slots: ip ssh time-out',
    running: RUN,
    intended: edit(RTR, ['ip ssh time-out 60\n', 'ip ssh time-out 30\n']),
    expected: ['ip ssh time-out 30'],
  },
  {
    name: 'ip ssh time-out removed uses the argument-less negation',
    rule: 'Negation table: `no ip ssh time-out`',
    running: RUN,
    intended: edit(RTR, ['ip ssh time-out 60\n', '']),
    expected: ['no ip ssh time-out'],
  },
];
