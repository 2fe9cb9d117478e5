// Basics: what is not a change (volatile lines, comments, white space, order), simple global
// replacements and negations, and banners.

import { edit, ios, type Scenario } from './types.js';

const SHOW_RUN = ios`
  Building configuration...

  Current configuration : 1843 bytes
  !
  ! Last configuration change at 14:02:11 UTC Tue Mar 5 2024 by netops
  ! NVRAM config last updated at 14:02:15 UTC Tue Mar 5 2024 by netops
  !
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
  enable secret 9 $9$4gRaE0Lm8MuUS.$dL3Ur0Y.yi6QmErz7T7kdUs7BzvZ3yGJMj.RWOozrW2
  !
  no aaa new-model
  !
  no ip domain lookup
  ip domain name branch1.example.net
  ip cef
  no ipv6 cef
  !
  username netops privilege 15 secret 9 $9$Wq7ZqTzqYJdkZk$8x9ohR1tUi6N9m7mwGFvjw9VkKXYkuYbC9wDJ4dHd5o
  !
  interface Loopback0
   ip address 10.255.1.1 255.255.255.255
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
  router ospf 1
   router-id 10.255.1.1
   passive-interface GigabitEthernet0/1
   network 10.1.10.0 0.0.0.255 area 0
   network 10.255.1.1 0.0.0.0 area 0
  !
  ip forward-protocol nd
  no ip http server
  no ip http secure-server
  ip route 0.0.0.0 0.0.0.0 203.0.113.1
  !
  ntp clock-period 17179788
  ntp server 10.0.0.123
  !
  line con 0
   exec-timeout 15 0
   logging synchronous
  line aux 0
  line vty 0 4
   login local
   transport input ssh
  !
  end
`;

/** The same configuration as a person keeps it in Git: no show-run preamble, no clock-period. */
const GIT = edit(SHOW_RUN.slice(SHOW_RUN.indexOf('version 15.7')), ['ntp clock-period 17179788\n', '']);

export const scenarios: Scenario[] = [
  {
    name: 'identical show-run text on both sides is no change',
    rule: 'Remediate: equal trees give an empty plan',
    running: SHOW_RUN,
    intended: SHOW_RUN,
    expected: [],
  },
  {
    name: 'volatile show-run lines are not configuration',
    rule: 'Normalise: Building configuration, Current configuration, Last configuration change, NVRAM, ntp clock-period dropped',
    running: SHOW_RUN,
    intended: GIT,
    expected: [],
  },
  {
    name: 'comments, extra separators and a missing end are not changes',
    rule: 'Parse: ! lines and end are structure, not configuration',
    running: SHOW_RUN,
    intended: ios`
      ! ===================== BR1-RTR =====================
      ! owner: netops, change ticket CHG-1042
      version 15.7
      service timestamps debug datetime msec
      service timestamps log datetime msec
      service password-encryption
      hostname BR1-RTR
      boot-start-marker
      boot-end-marker
      enable secret 9 $9$4gRaE0Lm8MuUS.$dL3Ur0Y.yi6QmErz7T7kdUs7BzvZ3yGJMj.RWOozrW2
      no aaa new-model
      no ip domain lookup
      ip domain name branch1.example.net
      ip cef
      no ipv6 cef
      username netops privilege 15 secret 9 $9$Wq7ZqTzqYJdkZk$8x9ohR1tUi6N9m7mwGFvjw9VkKXYkuYbC9wDJ4dHd5o
      !
      !! ---- interfaces ----
      !
      interface Loopback0
       ! router-id and OSPF stub
       ip address 10.255.1.1 255.255.255.255
      interface GigabitEthernet0/0
       description WAN to ISP-A
       ip address 203.0.113.2 255.255.255.252
       !
       duplex auto
       speed auto
      interface GigabitEthernet0/1
       description LAN
       ip address 10.1.10.1 255.255.255.0
       duplex auto
       speed auto
      !
      !
      !
      router ospf 1
       router-id 10.255.1.1
       passive-interface GigabitEthernet0/1
       network 10.1.10.0 0.0.0.255 area 0
       network 10.255.1.1 0.0.0.0 area 0
      ip forward-protocol nd
      no ip http server
      no ip http secure-server
      ip route 0.0.0.0 0.0.0.0 203.0.113.1
      ntp server 10.0.0.123
      line con 0
       exec-timeout 15 0
       logging synchronous
      line aux 0
      line vty 0 4
       login local
       transport input ssh
    `,
    expected: [],
  },
  {
    name: 'two-space indentation, repeated spaces, trailing spaces and CRLF are not changes',
    rule: 'Parse (relative indentation) and Normalise (white space collapsed)',
    running: ios`
      hostname BR1-RTR
      !
      interface GigabitEthernet0/0
       description WAN to ISP-A
       ip address 203.0.113.2 255.255.255.252
      !
      router bgp 65010
       bgp log-neighbor-changes
       neighbor 203.0.113.1 remote-as 64500
       !
       address-family ipv4
        network 10.1.0.0 mask 255.255.0.0
        neighbor 203.0.113.1 activate
       exit-address-family
      !
      ip route 10.1.0.0 255.255.0.0 Null0
      end
    `,
    intended: [
      'hostname   BR1-RTR   ',
      'interface GigabitEthernet0/0',
      '  description WAN to ISP-A',
      '  ip address  203.0.113.2   255.255.255.252  ',
      'router bgp 65010',
      '  bgp log-neighbor-changes',
      '  neighbor 203.0.113.1  remote-as 64500',
      '  address-family ipv4',
      '    network 10.1.0.0 mask 255.255.0.0',
      '    neighbor 203.0.113.1 activate',
      '  exit-address-family',
      'ip route 10.1.0.0 255.255.0.0   Null0',
      '',
    ].join('\r\n'),
    expected: [],
  },
  {
    name: 'tab indentation is one level',
    rule: 'Parse: tabs count as one level',
    running: ios`
      hostname BR1-RTR
      !
      interface GigabitEthernet0/1
       description LAN
       ip address 10.1.10.1 255.255.255.0
      !
      line vty 0 4
       login local
       transport input ssh
      !
      end
    `,
    intended: [
      'hostname BR1-RTR',
      'interface GigabitEthernet0/1',
      '\tdescription LAN',
      '\tip address 10.1.10.1 255.255.255.0',
      'line vty 0 4',
      '\tlogin local',
      '\ttransport input ssh',
      '',
    ].join('\n'),
    expected: [],
  },
  {
    name: 'reordered top-level lines, sections and section lines are not changes',
    rule: 'Remediate: reordering lines or sections is not a change (except ACL entries)',
    running: SHOW_RUN,
    intended: ios`
      hostname BR1-RTR
      version 15.7
      service password-encryption
      service timestamps log datetime msec
      service timestamps debug datetime msec
      boot-end-marker
      boot-start-marker
      ip cef
      no ipv6 cef
      ip domain name branch1.example.net
      no ip domain lookup
      no aaa new-model
      enable secret 9 $9$4gRaE0Lm8MuUS.$dL3Ur0Y.yi6QmErz7T7kdUs7BzvZ3yGJMj.RWOozrW2
      username netops privilege 15 secret 9 $9$Wq7ZqTzqYJdkZk$8x9ohR1tUi6N9m7mwGFvjw9VkKXYkuYbC9wDJ4dHd5o
      line vty 0 4
       transport input ssh
       login local
      line con 0
       logging synchronous
       exec-timeout 15 0
      line aux 0
      ip route 0.0.0.0 0.0.0.0 203.0.113.1
      router ospf 1
       network 10.255.1.1 0.0.0.0 area 0
       network 10.1.10.0 0.0.0.255 area 0
       passive-interface GigabitEthernet0/1
       router-id 10.255.1.1
      interface GigabitEthernet0/1
       speed auto
       duplex auto
       ip address 10.1.10.1 255.255.255.0
       description LAN
      interface GigabitEthernet0/0
       ip address 203.0.113.2 255.255.255.252
       description WAN to ISP-A
       duplex auto
       speed auto
      interface Loopback0
       ip address 10.255.1.1 255.255.255.255
      ntp server 10.0.0.123
      no ip http secure-server
      no ip http server
      ip forward-protocol nd
    `,
    expected: [],
  },
  {
    name: 'duplicate lines and a section written twice are merged as IOS merges them',
    rule: 'Normalise: duplicate sections at one level merged, duplicate lines dropped',
    running: ios`
      hostname BR1-RTR
      !
      interface GigabitEthernet0/0
       description WAN to ISP-A
       ip address 203.0.113.2 255.255.255.252
       duplex auto
       speed auto
      !
      ip route 0.0.0.0 0.0.0.0 203.0.113.1
      ntp server 10.0.0.123
      end
    `,
    intended: ios`
      hostname BR1-RTR
      interface GigabitEthernet0/0
       description WAN to ISP-A
       duplex auto
      ip route 0.0.0.0 0.0.0.0 203.0.113.1
      ntp server 10.0.0.123
      ntp server 10.0.0.123
      interface GigabitEthernet0/0
       ip address 203.0.113.2 255.255.255.252
       speed auto
       duplex auto
    `,
    expected: [],
  },
  {
    name: 'hostname is replaced in place',
    rule: 'Slots: hostname',
    running: SHOW_RUN,
    intended: edit(GIT, ['hostname BR1-RTR', 'hostname BR1-RTR-01']),
    expected: ['hostname BR1-RTR-01'],
  },
  {
    name: 'running "no ip domain lookup" absent from intent brings the default back',
    rule: 'Negation: a running `no X` absent from intent becomes `X`',
    running: SHOW_RUN,
    intended: edit(GIT, ['no ip domain lookup\n', '']),
    expected: ['ip domain lookup'],
  },
  {
    name: '"no ip domain lookup" added to intent is sent as written',
    rule: 'Slots: `X` vs `no X` (addition of the `no` form)',
    running: edit(SHOW_RUN, ['no ip domain lookup\n', '']),
    intended: GIT,
    expected: ['no ip domain lookup'],
  },
  {
    name: 'enabling a feature shown as "no X" sends only "X"',
    rule: 'Slots: `X` vs `no X` share a slot (no negation of the old line on top of the new one)',
    running: SHOW_RUN,
    intended: edit(GIT, ['no ip http secure-server', 'ip http secure-server']),
    expected: ['ip http secure-server'],
  },
  {
    name: 'global line absent from intent is negated with "no"',
    rule: 'Negation: `no <line>` by default; top-level removals at weight 600',
    running: edit(SHOW_RUN, ['service password-encryption\n', 'service tcp-keepalives-in\nservice password-encryption\n']),
    intended: GIT,
    expected: ['no service tcp-keepalives-in'],
  },
  {
    name: 'ip domain name is replaced in place',
    rule: 'Slots: ip domain name',
    running: SHOW_RUN,
    intended: edit(GIT, ['ip domain name branch1.example.net', 'ip domain name br1.corp.example.net']),
    expected: ['ip domain name br1.corp.example.net'],
  },
  {
    name: 'ip domain name removed uses the argument-less negation',
    rule: 'Negation table: `no ip domain name`',
    running: SHOW_RUN,
    intended: edit(GIT, ['ip domain name branch1.example.net\n', '']),
    expected: ['no ip domain name'],
  },
  {
    name: 'clock timezone is replaced in place',
    rule: 'Slots: clock timezone',
    running: edit(SHOW_RUN, ['hostname BR1-RTR\n', 'hostname BR1-RTR\n!\nclock timezone CET 1 0\n']),
    intended: edit(GIT, ['hostname BR1-RTR\n', 'hostname BR1-RTR\n!\nclock timezone UTC 0 0\n']),
    expected: ['clock timezone UTC 0 0'],
  },
  {
    name: 'one-line and multi-line banners with different delimiters and the same text are equal',
    rule: 'Parse: banners, delimiter ^C or the first character; the node keeps the text',
    running: ios`
      hostname BR1-RTR
      !
      banner motd ^CAuthorized access only. Disconnect now if you are not authorized.^C
      !
      line vty 0 4
       login local
      end
    `,
    intended: ios`
      hostname BR1-RTR
      banner motd #
      Authorized access only. Disconnect now if you are not authorized.
      #
      line vty 0 4
       login local
    `,
    expected: [],
  },
  {
    name: 'a banner delimited by the ETX character equals the same banner printed with ^C',
    rule: 'Parse: the delimiter is ^C, the ETX character itself, or the first character',
    running:
      'hostname BR1-RTR\n!\nbanner login \x03\nBR1-RTR - Branch 1 edge router\nManaged by NetOps (noc@example.net)\n\x03\n!\nend\n',
    intended: ios`
      hostname BR1-RTR
      banner login ^C
      BR1-RTR - Branch 1 edge router
      Managed by NetOps (noc@example.net)
      ^C
    `,
    expected: [],
  },
  {
    name: 'changed banner text is sent whole as one command with ^ as delimiter',
    rule: 'Slots: banner <type>; Renderings/Device: banner rendered as `banner motd ^`, text, `^`',
    running: ios`
      hostname BR1-RTR
      !
      banner motd ^C
      *******************************************
      * Authorized access only.                 *
      *******************************************
      ^C
      !
      line con 0
       logging synchronous
      end
    `,
    intended: ios`
      hostname BR1-RTR
      !
      banner motd ^C
      *******************************************
      * Authorized access only.                 *
      * All sessions are logged and audited.    *
      *******************************************
      ^C
      !
      line con 0
       logging synchronous
    `,
    expected: [
      'banner motd ^',
      '*******************************************',
      '* Authorized access only.                 *',
      '* All sessions are logged and audited.    *',
      '*******************************************',
      '^',
    ],
    note: 'The old banner is not negated first: a new `banner motd` replaces the old one on IOS.',
  },
  {
    name: 'banner text containing ^ is sent with # as delimiter',
    rule: 'Renderings/Device: first of ^ # % ~ @ $ & | not in the text',
    running: ios`
      hostname BR1-RTR
      !
      banner motd ^CAuthorized access only^C
      !
      line con 0
       logging synchronous
      end
    `,
    intended: ios`
      hostname BR1-RTR
      banner motd %
      Authorized access only
      Console server escape: Ctrl-^ then x
      %
      line con 0
       logging synchronous
    `,
    expected: ['banner motd #', 'Authorized access only', 'Console server escape: Ctrl-^ then x', '#'],
  },
  {
    name: 'banner text containing ^ and # is sent with % as delimiter',
    rule: 'Renderings/Device: first of ^ # % ~ @ $ & | not in the text',
    running: ios`
      hostname BR1-RTR
      !
      banner exec ^C
      BR1-RTR
      ^C
      !
      line con 0
       logging synchronous
      end
    `,
    intended: ios`
      hostname BR1-RTR
      banner exec ~
      BR1-RTR - NOC ticket queue #netops
      Console server escape: Ctrl-^ then x
      ~
      line con 0
       logging synchronous
    `,
    expected: ['banner exec %', 'BR1-RTR - NOC ticket queue #netops', 'Console server escape: Ctrl-^ then x', '%'],
  },
  {
    name: 'banner absent from intent is removed',
    rule: 'Negation table: `no banner motd`',
    running: ios`
      hostname BR1-RTR
      !
      banner motd ^C
      Authorized access only
      ^C
      !
      line con 0
       logging synchronous
      end
    `,
    intended: ios`
      hostname BR1-RTR
      line con 0
       logging synchronous
    `,
    expected: ['no banner motd'],
  },
  {
    name: 'new one-line banner in intent is sent in the multi-line device form',
    rule: 'Renderings/Device: a banner is one command rendered as several lines',
    running: ios`
      hostname BR1-RTR
      !
      banner motd ^CAuthorized access only^C
      !
      line con 0
       logging synchronous
      end
    `,
    intended: ios`
      hostname BR1-RTR
      banner login #BR1-RTR - unauthorized access prohibited#
      banner motd ^CAuthorized access only^C
      line con 0
       logging synchronous
    `,
    expected: ['banner login ^', 'BR1-RTR - unauthorized access prohibited', '^'],
  },
];
