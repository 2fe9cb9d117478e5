// Cisco IOS / IOS-XE rules as data: slots (replace in place), negation forms, removal scope,
// ordering weights. docs/ios-engine.md explains each rule; keep the two in step.

import type { CommandRule, Platform } from '../platform.js';
import { ciscoIosRiskRules } from './cisco-ios-risk.js';

const IF = /^interface /;
const BGP = /^(router bgp|address-family) /;
const LINE = /^line /;
const LOGICAL_INTERFACE =
  /^interface ((?:Loopback|Tunnel|Vlan|Port-channel|BDI|Dialer|Virtual-Template|Multilink|Null)\S*|\S+\.\d+)$/;

const globalRules: CommandRule[] = [
  { scope: 'top', match: /^hostname\b/, slot: 'hostname', negate: 'no hostname' },
  { scope: 'top', match: /^enable (secret|password)\b/, slot: 'enable $1', negate: 'no enable $1' },
  { scope: 'top', match: /^username (\S+)/, slot: 'username $1', negate: 'no username $1' },
  { scope: 'top', match: /^snmp-server community (\S+)/, slot: 'snmp-server community $1', negate: 'no snmp-server community $1' },
  { scope: 'top', match: /^snmp-server (location|contact)\b/, slot: 'snmp-server $1', negate: 'no snmp-server $1' },
  // `no logging console` would switch console logging off; absent from intent means the default.
  { scope: 'top', match: /^logging (console|buffered|trap|monitor)\b/, slot: 'logging $1', negate: 'default logging $1' },
  { scope: 'top', match: /^logging source-interface\b/, slot: 'logging source-interface', negate: 'no logging source-interface' },
  { scope: 'top', match: /^ip ssh (time-out|version|authentication-retries|source-interface)\b/, slot: 'ip ssh $1', negate: 'no ip ssh $1' },
  { scope: 'top', match: /^ip domain[ -]name\b/, slot: 'ip domain name', negate: 'no ip domain name' },
  { scope: 'top', match: /^clock timezone\b/, slot: 'clock timezone', negate: 'no clock timezone' },
  { scope: 'top', match: /^ip default-gateway\b/, slot: 'ip default-gateway', negate: 'no ip default-gateway' },
  { scope: 'top', match: /^ntp source\b/, slot: 'ntp source', negate: 'no ntp source' },
  { scope: 'top', match: /^spanning-tree mode\b/, slot: 'spanning-tree mode' },
  { scope: 'top', match: /^service timestamps (debug|log)\b/, slot: 'service timestamps $1' },
  { scope: 'top', match: /^aaa (authentication|authorization|accounting) (\S+) (\S+)/, slot: 'aaa $1 $2 $3', negate: 'no aaa $1 $2 $3' },
  { scope: 'top', match: /^banner (\S+)/, slot: 'banner $1', negate: 'no banner $1' },
];

// Objects are created before what references them and deleted after it (weights).
const objectRules: CommandRule[] = [
  // Only one BGP process may exist: an old one goes before a new one is created.
  { scope: 'top', match: /^router bgp \d+/, removeWeight: 50 },
  { scope: 'top', match: /^(vrf definition|ip vrf) \S+/, addWeight: 100, removeWeight: 900 },
  { scope: 'top', match: /^object-group /, addWeight: 150, removeWeight: 850 },
  // IOS refuses to redefine an ACL name as another type: the old list goes first.
  { scope: 'top', match: /^ip access-list (?:standard|extended) (\S+)$/, slot: 'ip access-list $1', negateFirst: true },
  { scope: 'top', match: /^(ip|ipv6) access-list (?!resequence)/, addWeight: 200, removeWeight: 840 },
  { scope: 'top', match: /^access-list \d+ /, addWeight: 200, removeWeight: 840 },
  {
    scope: 'top', match: /^(ip|ipv6) prefix-list (\S+) seq (\d+) /, slot: '$1 prefix-list $2 seq $3', negateFirst: true,
    group: '$1 prefix-list $2', groupNegate: 'no $1 prefix-list $2', addWeight: 250, removeWeight: 240, groupRemoveWeight: 830,
  },
  {
    scope: 'top', match: /^(ip|ipv6) prefix-list (\S+) description /, slot: '$1 prefix-list $2 description',
    negate: 'no $1 prefix-list $2 description', group: '$1 prefix-list $2', groupNegate: 'no $1 prefix-list $2',
    addWeight: 250, removeWeight: 240, groupRemoveWeight: 830,
  },
  { scope: 'top', match: /^ip (community-list|extcommunity-list|as-path access-list) /, addWeight: 250, removeWeight: 830 },
  { scope: 'top', match: /^class-map /, addWeight: 300, removeWeight: 820 },
  { scope: 'top', match: /^policy-map /, addWeight: 350, removeWeight: 810 },
  // `no route-map X permit 10` deletes sequence 10 whatever its action: when the action of an
  // entry changes, the old entry goes before the new one is created, never after.
  { scope: 'top', match: /^route-map (\S+) (?:permit|deny) (\d+)$/, slot: 'route-map $1 $2', negateFirst: true },
  {
    scope: 'top', match: /^route-map (\S+) /, group: 'route-map $1', groupNegate: 'no route-map $1',
    addWeight: 400, removeWeight: 800, groupRemoveWeight: 800,
  },
  // Logical interfaces are deleted; physical ones can only be reset to defaults.
  { scope: 'top', match: LOGICAL_INTERFACE, negate: 'no interface $1', removeWeight: 700 },
  { scope: 'top', match: /^interface (\S+)$/, negate: 'default interface $1' },
];

const interfaceRules: CommandRule[] = [
  { scope: IF, match: /^shutdown$/, addWeight: 10, removeWeight: 1000 },
  { scope: IF, match: /^encapsulation\b/, slot: 'encapsulation', addWeight: 15 },
  // Changing the VRF makes IOS delete the interface's addresses: they are re-sent after it.
  {
    scope: IF, match: /^(ip )?vrf forwarding\b/, slot: 'vrf forwarding', addWeight: 20, removeWeight: 20,
    resets: /^(ip|ipv6) address\b/,
  },
  { scope: IF, match: /^description\b/, slot: 'description', negate: 'no description' },
  { scope: IF, match: /^ip address \S+ \S+ secondary$/, removeWeight: 90 },
  { scope: IF, match: /^ip address (?!.*\bsecondary$)/, slot: 'ip address', negate: 'no ip address' },
  { scope: IF, match: /^switchport mode\b/, slot: 'switchport mode', negate: 'no switchport mode' },
  { scope: IF, match: /^switchport access vlan\b/, slot: 'switchport access vlan', negate: 'no switchport access vlan' },
  // `no switchport trunk allowed vlan` silently allows every VLAN: say so explicitly instead.
  { scope: IF, match: /^switchport trunk allowed vlan\b/, slot: 'switchport trunk allowed vlan', negate: 'switchport trunk allowed vlan all' },
  { scope: IF, match: /^switchport trunk (native vlan|encapsulation)\b/, slot: 'switchport trunk $1', negate: 'no switchport trunk $1' },
  {
    scope: IF,
    match: /^(mtu|ip mtu|bandwidth|speed|duplex|delay|load-interval|ip ospf cost|ip ospf network|ip ospf priority|ip ospf hello-interval|ip ospf dead-interval)\b/,
    slot: '$1', negate: 'no $1',
  },
  { scope: IF, match: /^ip access-group \S+ (in|out)$/, slot: 'ip access-group $1' },
  { scope: IF, match: /^service-policy (input|output) /, slot: 'service-policy $1' },
  { scope: IF, match: /^channel-group \d+/, slot: 'channel-group', negate: 'no channel-group' },
];

const sectionRules: CommandRule[] = [
  { scope: /^vlan /, match: /^name\b/, slot: 'name', negate: 'no name' },
  { scope: /^route-map /, match: /^set (ip(?:v6)? \S+|\S+)/, slot: 'set $1' },
  { scope: /^route-map /, match: /^description\b/, slot: 'description', negate: 'no description' },
  { scope: /^router bgp /, match: /^bgp router-id\b/, slot: 'bgp router-id', negate: 'no bgp router-id' },
  // `no neighbor X remote-as` deletes the neighbour with all its settings, in every address family.
  { scope: BGP, match: /^neighbor (\S+) remote-as\b/, slot: 'neighbor $1 remote-as', kills: '^neighbor $1 ' },
  { scope: BGP, match: /^neighbor (\S+) (description|update-source|password|ebgp-multihop|timers|peer-group)\b/, slot: 'neighbor $1 $2' },
  { scope: BGP, match: /^neighbor (\S+) (route-map|prefix-list|filter-list|distribute-list) \S+ (in|out)$/, slot: 'neighbor $1 $2 $3' },
  { scope: /^router /, match: /^router-id\b/, slot: 'router-id', negate: 'no router-id' },
  { scope: /^router /, match: /^auto-cost reference-bandwidth\b/, slot: 'auto-cost reference-bandwidth' },
  { scope: LINE, match: /^exec-timeout\b/, slot: 'exec-timeout', negate: 'no exec-timeout' },
  { scope: LINE, match: /^transport (input|output)\b/, slot: 'transport $1' },
  { scope: LINE, match: /^access-class \S+ (in|out)\b/, slot: 'access-class $1' },
  { scope: LINE, match: /^login\b/, slot: 'login' },
  { scope: LINE, match: /^privilege level\b/, slot: 'privilege level' },
];

export const ciscoIos: Platform = {
  name: 'cisco_ios',
  volatileLines: [
    /^Building configuration/,
    /^Current configuration\s*:/,
    /^ntp clock-period\b/,
    /^Load for five secs/,
    /^Time source is /,
  ],
  hiddenDefaults: [{ scope: IF, match: /^(no (shutdown|ip address|description)|switchport trunk allowed vlan all)$/ }],
  physicalInterfaceDefaults: [/^shutdown$/, /^negotiation auto$/, /^duplex auto$/, /^speed auto$/],
  commandRules: [...globalRules, ...objectRules, ...interfaceRules, ...sectionRules],
  orderedSections: [/^ip access-list (standard|extended) /],
  riskRules: ciscoIosRiskRules,
  sectionExit: (header) => (header.startsWith('address-family ') ? 'exit-address-family' : 'exit'),
};
