// Interfaces: `interface X` (and `no`/`default interface X`) at the top, and the commands of
// interface and sub-interface mode.

import { cmd, custom, set, toggleCommand, type CommandDef } from './command-def.js';
import { enterInterface, ipAddress, switchportMode, trunkAllowed, vrfForwarding } from './interface-effects.js';
import type { AreaCommands } from './modes.js';

const CHANNEL_MODES = '{active | passive | on | desirable | auto}';

/** Commands of every interface, physical, logical or sub-interface. */
const COMMON: readonly CommandDef[] = [
  cmd('description <text:line>', set(1), { syntax: 'description [<text:line>]' }),
  cmd('ip address <address:ip> <mask:mask> [secondary]', custom('ip-address', ipAddress), {
    syntax: 'ip address [<address:ip> <mask:mask> [secondary]]',
  }),
  cmd('ip unnumbered <interface:ifname>', set(2), { syntax: 'ip unnumbered [<interface:ifname>]' }),
  cmd('vrf forwarding <vrf:word>', custom('vrf-forwarding', vrfForwarding), { syntax: 'vrf forwarding [<vrf:word>]' }),
  cmd('ip vrf forwarding <vrf:word>', custom('vrf-forwarding', vrfForwarding), { syntax: 'ip vrf forwarding [<vrf:word>]' }),
  // Binding an ACL that does not exist (yet) is allowed, as on IOS.
  cmd('ip access-group <acl:word> {in | out}', set([0, 1, 3])),
  cmd('ip helper-address <address:ip>', set()),
  cmd('ip ospf cost <cost:num(1-65535)>', set(3), { syntax: 'ip ospf cost [<cost:num(1-65535)>]' }),
  cmd('ip ospf <process:num(1-65535)> area <area:word>', set([0, 1, 3])),
  cmd('ip ospf network {point-to-point | broadcast | non-broadcast | point-to-multipoint}', set(3), { syntax: 'ip ospf network [{point-to-point | broadcast | non-broadcast | point-to-multipoint}]' }),
  cmd('ip ospf priority <priority:num(0-255)>', set(3), { syntax: 'ip ospf priority [<priority:num(0-255)>]' }),
  cmd('ip ospf hello-interval <seconds:num(1-65535)>', set(3), { syntax: 'ip ospf hello-interval [<seconds:num(1-65535)>]' }),
  cmd('ip ospf dead-interval <seconds:num(1-65535)>', set(3), { syntax: 'ip ospf dead-interval [<seconds:num(1-65535)>]' }),
  cmd('ip mtu <bytes:num(68-9216)>', set(2), { syntax: 'ip mtu [<bytes:num(68-9216)>]' }),
  cmd('ip nat {inside | outside}', set(2)),
  toggleCommand('ip redirects', true),
  toggleCommand('ip unreachables', true),
  toggleCommand('ip proxy-arp', true),
  toggleCommand('ip directed-broadcast', false),
  toggleCommand('cdp enable', true),
  cmd('shutdown', set()),
  cmd('mtu <bytes:num(64-9216)>', set(1), { syntax: 'mtu [<bytes:num(64-9216)>]' }),
  cmd('bandwidth <kbps:num(1-100000000)>', set(1), { syntax: 'bandwidth [<kbps:num(1-100000000)>]' }),
  cmd('load-interval <seconds:num(30-600)>', set(1), { syntax: 'load-interval [<seconds:num(30-600)>]' }),
  cmd('service-policy {input | output} <policy:word>', set(2)),
];

/** Hardware ports, port-channels and other logical interfaces (not sub-interfaces). */
const PORT: readonly CommandDef[] = [
  cmd('speed {10 | 100 | 1000 | 10000 | auto}', set(1), { syntax: 'speed [{10 | 100 | 1000 | 10000 | auto}]' }),
  cmd('duplex {auto | full | half}', set(1), { syntax: 'duplex [{auto | full | half}]' }),
  toggleCommand('negotiation auto', true, true),
  cmd(`channel-group <group:num(1-64)> mode ${CHANNEL_MODES}`, set(1), { syntax: `channel-group [<group:num(1-64)> [mode ${CHANNEL_MODES}]]` }),
  cmd('switchport', custom('switchport', switchportMode)),
  cmd('switchport mode {access | trunk | dynamic {auto | desirable}}', set(2), { syntax: 'switchport mode [{access | trunk | dynamic {auto | desirable}}]' }),
  cmd('switchport access vlan <vlan:num(1-4094)>', set(3), { syntax: 'switchport access vlan [<vlan:num(1-4094)>]' }),
  cmd('switchport voice vlan <vlan:num(1-4094)>', set(3), { syntax: 'switchport voice vlan [<vlan:num(1-4094)>]' }),
  cmd('switchport trunk native vlan <vlan:num(1-4094)>', set(4), { syntax: 'switchport trunk native vlan [<vlan:num(1-4094)>]' }),
  cmd('switchport trunk encapsulation {dot1q | isl | negotiate}', set(3), { syntax: 'switchport trunk encapsulation [{dot1q | isl | negotiate}]' }),
  cmd(
    'switchport trunk allowed vlan {<vlans:vlans> | add <vlans:vlans> | remove <vlans:vlans> | except <vlans:vlans> | all | none}',
    custom('trunk-allowed', trunkAllowed),
    { syntax: 'switchport trunk allowed vlan' },
  ),
  cmd('switchport nonegotiate', set()),
  cmd('spanning-tree portfast [trunk]', set(2)),
  cmd('spanning-tree bpduguard {enable | disable}', set(2), { syntax: 'spanning-tree bpduguard [{enable | disable}]' }),
];

const SUBINTERFACE: readonly CommandDef[] = [
  cmd('encapsulation dot1Q <vlan:num(1-4094)> [native]', set(1), { syntax: 'encapsulation [dot1Q [<vlan:num(1-4094)> [native]]]' }),
];

export const interfaceCommands: AreaCommands = {
  global: [cmd('interface <name:ifname>', custom('interface', enterInterface))],
  interface: [...COMMON, ...PORT],
  subinterface: [...COMMON, ...SUBINTERFACE],
};
