// Risk rules for Cisco IOS, as data. The first rule of a category that matches a command
// gives that category's item, so specific rules come before general ones.

import type { RiskRule } from '../risk.js';

const LINES = /(^|> )line (vty|con|aux)/;
const MGMT_INTERFACE = /^interface (\S*(Mgmt|Management)\S*|GigabitEthernet0)( >|$)/i;

const management: RiskRule[] = [
  { category: 'management', level: 'high', match: /^(no )?line (vty|con|aux)/, reason: 'changes the console or remote login lines' },
  { category: 'management', level: 'high', path: LINES, match: /./, reason: 'changes who can log in over SSH/Telnet/console, and how' },
  { category: 'management', level: 'high', match: /\baccess-class\b/, reason: 'changes which addresses may open a remote session: a mistake locks everyone out' },
  { category: 'management', level: 'high', match: /^(no )?aaa\b/, reason: 'changes authentication or authorisation: a mistake locks everyone out' },
  { category: 'management', level: 'high', match: /^(no )?username\b/, reason: 'changes local user accounts' },
  { category: 'management', level: 'high', match: /^(no )?enable (secret|password)\b/, reason: 'changes the privileged-mode password' },
  { category: 'management', level: 'high', match: /^(no )?ip ssh\b/, reason: 'changes the SSH server' },
  { category: 'management', level: 'high', match: /^(no )?ip http\b/, reason: 'changes the HTTP management server' },
  { category: 'management', level: 'high', path: MGMT_INTERFACE, match: /./, reason: 'changes the management interface' },
  { category: 'management', level: 'high', match: /^(no )?(default )?interface (\S*(Mgmt|Management)\S*|GigabitEthernet0)$/i, reason: 'changes the management interface' },
  { category: 'management', level: 'high', match: /\b(vrf forwarding|vrf definition|ip vrf) \S*mgmt/i, reason: 'changes the management VRF' },
];

const routing: RiskRule[] = [
  { category: 'routing', level: 'high', match: /^no router /, reason: 'removes a routing process: its routes and adjacencies go' },
  { category: 'routing', level: 'high', path: /^router bgp /, match: /^no neighbor \S+ remote-as\b/, reason: 'removes a BGP neighbour: its session and routes go' },
  { category: 'routing', level: 'high', path: /^router bgp /, match: /^neighbor \S+ remote-as\b/, kinds: ['replace'], reason: 'changes a BGP neighbour\'s AS: the session resets' },
  { category: 'routing', level: 'medium', match: /^router /, reason: 'adds or changes a routing process' },
  { category: 'routing', level: 'medium', path: /^router /, match: /./, reason: 'changes routing protocol configuration' },
  { category: 'routing', level: 'high', match: /^(no )?ip route (vrf \S+ )?0\.0\.0\.0 0\.0\.0\.0 /, reason: 'changes the default route' },
  { category: 'routing', level: 'high', match: /^(no )?ipv6 route (vrf \S+ )?::\/0 /, reason: 'changes the IPv6 default route' },
  { category: 'routing', level: 'medium', match: /^(no )?ipv6? route /, reason: 'changes static routing' },
];

const interfaceState: RiskRule[] = [
  { category: 'interface_state', level: 'high', match: /^shutdown$/, kinds: ['add', 'replace'], reason: 'shuts the interface down' },
  { category: 'interface_state', level: 'high', match: /^default interface /, reason: 'resets the interface to its defaults: its addresses and settings go' },
  { category: 'interface_state', level: 'high', match: /^no interface /, reason: 'deletes the interface' },
  { category: 'interface_state', level: 'medium', match: /^no shutdown$/, reason: 'brings the interface up' },
  { category: 'interface_state', level: 'medium', path: /^interface /, match: /^(no )?ip address\b|^(no )?(ip )?vrf forwarding\b/, reason: 'changes an interface address or VRF: traffic over it may drop' },
];

const security: RiskRule[] = [
  { category: 'security', level: 'medium', match: /^(no )?(ip |ipv6 )?access-list\b/, reason: 'changes an access list' },
  { category: 'security', level: 'medium', path: /(^|> )(ip|ipv6) access-list /, match: /./, reason: 'changes the entries of an access list' },
  { category: 'security', level: 'medium', match: /^(no )?ip access-group\b/, reason: 'changes which traffic the interface filters' },
  { category: 'security', level: 'medium', match: /^(no )?snmp-server community\b/, reason: 'changes SNMP access' },
  { category: 'security', level: 'medium', match: /^(no )?(crypto|key chain|key-string)\b|\bpre-shared-key\b|\bauthentication-key\b/, reason: 'changes keys or crypto settings' },
];

const disruptive: RiskRule[] = [
  { category: 'disruptive', level: 'high', match: /^no vlan /, reason: 'removes a VLAN: its ports lose connectivity' },
  { category: 'disruptive', level: 'high', match: /^switchport trunk allowed vlan all$/, reason: 'every VLAN becomes allowed on the trunk' },
  { category: 'disruptive', level: 'high', match: /^switchport trunk allowed vlan\b/, reason: 'changes which VLANs the trunk carries' },
  { category: 'disruptive', level: 'high', match: /^(no )?switchport mode\b/, reason: 'changes the port between access and trunk' },
  { category: 'disruptive', level: 'high', match: /^no channel-group\b/, reason: 'takes the port out of its port-channel' },
  { category: 'disruptive', level: 'high', match: /^(no )?encapsulation\b/, reason: 'changes the sub-interface encapsulation' },
];

export const ciscoIosRiskRules: RiskRule[] = [...management, ...routing, ...interfaceState, ...security, ...disruptive];
