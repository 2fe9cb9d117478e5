// Risk rules for Cisco IOS, as data. `match` is tested on the command as sent (`no …` for most
// removals), `path` on the section path joined with ' > '. The first rule of a category that
// matches a command gives that category's item, so specific rules come before general ones.

import type { RiskRule } from '../risk.js';

/** Inside a console, AUX or VTY line. */
const IN_LINES = /(^|> )line (vty|con|console|aux) /;
/** Interfaces that usually carry management: named so, or the dedicated port of many platforms. */
const MGMT_INTERFACE_NAME = String.raw`(\S*(Mgmt|Management)\S*|GigabitEthernet0|FastEthernet0)`;
/** A VRF named like a management VRF: `Mgmt-intf`, `Mgmt-vrf`, `mgmt`, `MANAGEMENT`, … */
const MGMT_VRF = /\bvrf (forwarding |definition |member )?\S*(mgmt|management)/i;
const LOCKOUT = 'a mistake can lock everyone out';

const management: RiskRule[] = [
  { category: 'management', level: 'high', match: /^(no )?line (vty|con|console|aux) /, reason: `changes the console or remote login lines: ${LOCKOUT}` },
  { category: 'management', level: 'high', path: IN_LINES, match: /^(no )?transport input\b/, reason: 'changes which protocols (SSH, Telnet) may open a session on these lines' },
  { category: 'management', level: 'high', match: /^(no )?(ip |ipv6 )?access-class\b/, reason: `changes which addresses may log in remotely: ${LOCKOUT}` },
  { category: 'management', level: 'high', path: IN_LINES, match: /./, reason: 'changes who can log in over SSH/Telnet or the console, and how' },
  { category: 'management', level: 'high', match: /^(no )?aaa\b/, reason: `changes login authentication or authorisation: ${LOCKOUT}` },
  { category: 'management', level: 'high', match: /^(no )?username \S+/, reason: 'changes a local account used to log in' },
  { category: 'management', level: 'high', match: /^(no )?enable (secret|password)\b/, reason: 'changes the privileged (enable) password' },
  { category: 'management', level: 'high', match: /^(no )?ip ssh\b/, reason: 'changes the SSH server that remote management depends on' },
  { category: 'management', level: 'high', match: /^(no )?ip http\b/, reason: 'changes the web (HTTP/HTTPS) management server' },
  { category: 'management', level: 'high', match: /^(no )?ip default-gateway\b/, reason: 'changes the gateway the device is managed through' },
  {
    category: 'management',
    level: 'high',
    match: new RegExp(`^(no |default )?interface ${MGMT_INTERFACE_NAME}$`, 'i'),
    reason: 'changes the management interface: the device can become unreachable',
  },
  {
    category: 'management',
    level: 'high',
    path: new RegExp(`^interface ${MGMT_INTERFACE_NAME}( >|$)`, 'i'),
    match: /./,
    reason: 'changes the management interface: the device can become unreachable',
  },
  { category: 'management', level: 'high', match: MGMT_VRF, reason: 'changes the management VRF or its routing: the device can become unreachable' },
  { category: 'management', level: 'high', path: /^(vrf definition|ip vrf) \S*(mgmt|management)/i, match: /./, reason: 'changes the management VRF' },
];

const routing: RiskRule[] = [
  { category: 'routing', level: 'high', match: /^no router /, reason: 'removes a routing process: its neighbours and routes go' },
  { category: 'routing', level: 'high', match: /^no ip routing$/, reason: 'turns IP routing off: the device stops routing' },
  {
    category: 'routing',
    level: 'high',
    path: /^router bgp /,
    match: /^no neighbor \S+( remote-as\b.*)?$/,
    reason: 'removes a BGP neighbour: its session and the routes learnt from it go',
  },
  { category: 'routing', level: 'high', path: /^router bgp /, match: /^neighbor \S+ remote-as\b/, kinds: ['replace'], reason: "changes a BGP neighbour's AS: the session resets" },
  { category: 'routing', level: 'medium', match: /^(no )?(route-map|(ip|ipv6) prefix-list|ip (community-list|extcommunity-list|as-path access-list)) /, reason: 'changes routing policy: which routes are accepted, advertised or preferred' },
  { category: 'routing', level: 'medium', path: /^route-map /, match: /./, reason: 'changes routing policy: which routes are accepted, advertised or preferred' },
  { category: 'routing', level: 'medium', match: /^router /, reason: 'adds or changes a routing process' },
  { category: 'routing', level: 'medium', path: /^router /, match: /./, reason: 'changes routing protocol settings: neighbours or routes may change' },
  { category: 'routing', level: 'high', match: /^(no )?ip route (vrf \S+ )?0\.0\.0\.0 0\.0\.0\.0 /, reason: 'changes the default route: traffic to every other destination may be lost' },
  { category: 'routing', level: 'high', match: /^(no )?ipv6 route (vrf \S+ )?::\/0 /, reason: 'changes the IPv6 default route' },
  { category: 'routing', level: 'medium', match: /^(no )?ip(v6)? route /, reason: 'changes a static route' },
];

const interfaceState: RiskRule[] = [
  { category: 'interface_state', level: 'high', match: /^shutdown$/, kinds: ['add', 'replace'], reason: 'shuts the interface down: traffic over it stops' },
  { category: 'interface_state', level: 'high', match: /^default interface /, reason: 'resets the interface to its defaults: its addresses and settings go' },
  { category: 'interface_state', level: 'high', match: /^no interface /, reason: 'deletes the interface and everything configured on it' },
  { category: 'interface_state', level: 'medium', match: /^no shutdown$/, reason: 'brings the interface up: whatever is attached starts forwarding' },
  {
    category: 'interface_state',
    level: 'medium',
    path: /^interface /,
    match: /^(no )?(ip address|ipv6 address|vrf forwarding|ip vrf forwarding)\b/,
    reason: "changes the interface's address or VRF: traffic over it is interrupted",
  },
];

const security: RiskRule[] = [
  { category: 'security', level: 'medium', match: /^(no )?(ip |ipv6 |mac )?access-list\b/, reason: 'changes an access list: traffic it filters may be blocked or let through' },
  { category: 'security', level: 'medium', path: /(^|> )(ip|ipv6|mac) access-list /, match: /./, reason: 'changes an access-list entry: traffic may be blocked or let through' },
  { category: 'security', level: 'medium', match: /^(no )?(ip access-group|ipv6 traffic-filter|mac access-group)\b/, reason: 'changes which traffic the interface filters' },
  { category: 'security', level: 'medium', match: /^(no )?snmp-server community\b/, reason: 'changes SNMP community access: who may read or write the device over SNMP' },
  { category: 'security', level: 'medium', match: /^(no )?(crypto|key chain|key config-key)\b/, reason: 'changes crypto settings or keys' },
  { category: 'security', level: 'medium', path: /^(crypto|key chain) /, match: /./, reason: 'changes crypto settings or keys' },
  {
    category: 'security',
    level: 'medium',
    match: /\b(pre-shared-key|authentication-key|message-digest-key|key-string)\b|^(no )?neighbor \S+ password\b/,
    reason: 'changes a shared key: the peer must change it at the same time',
  },
];

const disruptive: RiskRule[] = [
  { category: 'disruptive', level: 'high', match: /^no vlan \d/, reason: 'removes a VLAN: ports in it lose connectivity' },
  {
    category: 'disruptive',
    level: 'high',
    match: /^switchport trunk allowed vlan all$/,
    reason: 'every VLAN becomes allowed on the trunk, including VLANs the other end should not receive',
  },
  { category: 'disruptive', level: 'high', match: /^(no )?switchport trunk allowed vlan\b/, reason: 'changes which VLANs the trunk carries: VLANs left out are cut off' },
  { category: 'disruptive', level: 'high', match: /^(no )?switchport mode\b/, reason: 'changes the port between access and trunk: its traffic is interrupted' },
  { category: 'disruptive', level: 'medium', match: /^(no )?switchport access vlan\b/, reason: 'moves the port to another VLAN' },
  { category: 'disruptive', level: 'high', match: /^no channel-group\b/, reason: 'takes the port out of its port-channel' },
  { category: 'disruptive', level: 'high', match: /^channel-group\b/, kinds: ['replace'], reason: 'moves the port to another port-channel or mode' },
  { category: 'disruptive', level: 'high', match: /^(no )?encapsulation\b/, reason: 'changes the encapsulation: traffic stops until both ends agree' },
  { category: 'disruptive', level: 'high', match: /^(no )?vtp (mode|domain|version)\b/, reason: 'changes VTP: VLANs may be overwritten across the VTP domain' },
];

export const ciscoIosRiskRules: RiskRule[] = [...management, ...routing, ...interfaceState, ...security, ...disruptive];
