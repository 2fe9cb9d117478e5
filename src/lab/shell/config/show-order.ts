// Where IOS 15 prints each line of running-config, as data: a rank per kind of line in each kind
// of section, and sort values where IOS sorts (interfaces by slot/port, static routes by VRF and
// destination, VLANs and numbered ACLs by number, BGP neighbours by address, prefix-list and
// route-map entries by sequence). Lines of equal rank and sort stay in the order they were
// entered. The order follows the lab's config generator (src/lab/generate/render-model.ts), which
// prints what an ISR shows: e.g. loopbacks and port-channels before the hardware ports, and
// `logging host` late, next to the numbered ACLs, while `logging buffered` sits before `enable`.

import { isPhysicalInterface } from '../../../ios/interface-names.js';
import { ipToInt } from '../../generate/lab-net.js';
import type { ModeId } from './command-def.js';
import { withoutNo, type OrderKey, type OrderOf, type SortValue } from './config-tree.js';

type Words = string[];
/** A pattern on the line (without `no `), its rank, and optionally its sort values and list. */
type Rule = readonly [RegExp, number, ((w: Words) => SortValue[])?, ((w: Words) => string)?];

const num = (word: string | undefined): number => Number(word ?? 0);
const isAddress = (word: string | undefined): boolean => /^\d+\.\d+\.\d+\.\d+$/.test(word ?? '');

const INTERFACE_KIND: Readonly<Record<string, number>> = { Loopback: 0, Tunnel: 1, 'Port-channel': 2, Vlan: 4 };

/** Loopbacks, tunnels, port-channels, hardware ports by slot/port (sub-interfaces after their parent), SVIs. */
function interfaceSort(name: string): SortValue[] {
  const type = /^[A-Za-z-]+/.exec(name)?.[0] ?? '';
  const kind = INTERFACE_KIND[type] ?? (isPhysicalInterface(name.split('.')[0] as string) ? 3 : 5);
  return [kind, (name.match(/\d+/g) ?? []).map(Number), name];
}

/** `ip route [vrf V] P M NH …`: global routes first, then by VRF, destination, mask, next hop. */
function routeSort(w: Words): SortValue[] {
  const vrf = w[2] === 'vrf' ? (w[3] as string) : '';
  const at = vrf === '' ? 2 : 4;
  return [vrf, ipToInt(w[at] ?? '0.0.0.0'), ipToInt(w[at + 1] ?? '0.0.0.0'), w[at + 2] ?? ''];
}

const NEIGHBOR_ATTRIBUTES = [
  'remote-as', 'peer-group', 'description', 'shutdown', 'password', 'ebgp-multihop', 'update-source', 'timers',
  'activate', 'send-community', 'route-reflector-client', 'next-hop-self', 'soft-reconfiguration', 'default-originate',
  'route-map-in', 'route-map-out',
];

/** Peer groups first, then neighbours by address; each one's settings in IOS's order. */
function neighborSort(w: Words): SortValue[] {
  const peer = w[1] ?? '';
  const attribute = w[2] === 'route-map' ? `route-map-${w[4] ?? ''}` : (w[2] ?? '');
  const rank = NEIGHBOR_ATTRIBUTES.indexOf(attribute);
  return isAddress(peer) ? [1, ipToInt(peer), rank < 0 ? 99 : rank] : [0, peer, rank < 0 ? 99 : rank];
}

const LINE_TYPES = ['con', 'aux', 'vty'];

const GLOBAL: readonly Rule[] = [
  [/^version /, 0],
  [/^service /, 1],
  [/^hostname /, 2],
  [/^boot/, 3],
  [/^(vrf definition|ip vrf) /, 4],
  [/^logging (buffered|console|monitor|rate-limit)/, 5],
  [/^enable /, 6],
  [/^aaa new-model/, 7],
  [/^aaa authentication/, 7.1],
  [/^aaa authorization/, 7.2],
  [/^aaa /, 7.3],
  [/^clock /, 8],
  [/^ip source-route/, 9],
  [/^ip dhcp/, 9.1],
  [/^ip domain lookup/, 9.2],
  [/^ip domain name/, 9.3],
  [/^ip name-server/, 9.4],
  [/^ip cef/, 9.5],
  [/^(cdp|ip finger|ip bootp)/, 9.6],
  [/^ipv6 /, 10],
  [/^multilink /, 11],
  [/^username /, 12],
  [/^archive/, 12.5],
  [/^redundancy/, 13],
  [/^vlan /, 14, (w) => [num(w[1])]],
  [/^class-map /, 15],
  [/^policy-map /, 16],
  [/^interface /, 17, (w) => interfaceSort(w[1] ?? '')],
  [/^router ospf /, 18, (w) => [num(w[2])]],
  [/^router bgp /, 19],
  [/^ip forward-protocol/, 20],
  [/^ip bgp-community/, 21],
  [/^ip http server/, 22],
  [/^ip http/, 22.1],
  [/^ip route /, 23, routeSort],
  [/^ip ssh /, 24],
  [/^ip access-list /, 25],
  [/^ip prefix-list /, 26, (w) => [w[3] === 'seq' ? num(w[4]) : -1], (w) => w[2] ?? ''],
  [/^logging trap/, 27],
  [/^logging facility/, 27.1],
  [/^logging source-interface/, 27.2],
  [/^logging host/, 27.3],
  [/^logging /, 27.4],
  [/^access-list /, 28, (w) => [num(w[1])]],
  [/^route-map /, 29, (w) => [num(w[3])], (w) => w[1] ?? ''],
  [/^snmp-server community/, 30],
  [/^snmp-server location/, 30.1],
  [/^snmp-server contact/, 30.2],
  [/^snmp-server enable/, 30.3],
  [/^snmp-server host/, 30.4],
  [/^snmp-server /, 30.5],
  [/^control-plane/, 31],
  [/^banner /, 32],
  [/^line /, 33, (w) => [LINE_TYPES.indexOf(w[1] ?? ''), num(w[2])]],
  [/^ntp /, 34],
  [/./, 30.9],
];

const INTERFACE: readonly Rule[] = [
  [/^description /, 0],
  [/^switchport$/, 0.5],
  [/^switchport access vlan/, 1],
  [/^switchport trunk native/, 2],
  [/^switchport trunk allowed/, 3],
  [/^switchport mode/, 4],
  [/^switchport/, 5],
  [/^encapsulation /, 6],
  [/^(bandwidth|mtu) /, 6.5],
  [/^(vrf forwarding|ip vrf forwarding) /, 7],
  [/^ip address .* secondary$/, 8],
  [/^(ip address|ip unnumbered)/, 8.5],
  [/^ip access-group \S+ in$/, 9],
  [/^ip access-group \S+ out$/, 9.1],
  [/^ip helper-address/, 9.2],
  [/^ip ospf/, 9.6],
  [/^ip /, 9.5],
  [/^shutdown$/, 10],
  [/^duplex /, 10.5],
  [/^speed /, 10.6],
  [/^negotiation /, 11],
  [/^cdp /, 12],
  [/^channel-group /, 13],
  [/^service-policy input/, 14],
  [/^service-policy output/, 14.1],
  [/./, 9.9],
];

const ROUTER_OSPF: readonly Rule[] = [
  [/^router-id /, 0],
  [/^log-adjacency-changes/, 1],
  [/^auto-cost /, 2],
  [/^area /, 3],
  [/^redistribute /, 4],
  [/^passive-interface default/, 5],
  [/^passive-interface /, 6],
  [/^network /, 7],
  [/^default-information /, 8],
  [/./, 9],
];

const ROUTER_BGP: readonly Rule[] = [
  [/^bgp router-id/, 0],
  [/^bgp log-neighbor-changes/, 0.1],
  [/^bgp /, 0.2],
  [/^neighbor /, 1, neighborSort],
  [/^network /, 2, (w) => [ipToInt(w[1] ?? '0.0.0.0')]],
  [/^redistribute /, 3],
  [/^address-family /, 4, (w) => [w.includes('vrf') ? 1 : 0]],
  [/./, 3.5],
];

const BGP_ADDRESS_FAMILY: readonly Rule[] = [
  [/^network /, 0, (w) => [ipToInt(w[1] ?? '0.0.0.0')]],
  [/^aggregate-address /, 1],
  [/^redistribute /, 2],
  [/^neighbor /, 3, neighborSort],
  [/./, 4],
];

const LINE: readonly Rule[] = [
  [/^access-class /, 0],
  [/^exec-timeout /, 1],
  [/^privilege /, 2],
  [/^password /, 3],
  [/^logging /, 4],
  [/^login/, 5],
  [/^transport input/, 6],
  [/^transport output/, 7],
  [/^stopbits /, 8],
  [/./, 4.5],
];

const ROUTE_MAP: readonly Rule[] = [
  [/^description /, 0],
  [/^match /, 1],
  [/^set metric /, 2],
  [/^set local-preference /, 2.1],
  [/^set weight /, 2.2],
  [/^set community /, 2.3],
  [/^set as-path /, 2.4],
  [/^set /, 2.5],
  [/./, 3],
];

const VRF: readonly Rule[] = [
  [/^description /, 0],
  [/^rd /, 1],
  [/^route-target /, 2],
  [/^address-family /, 3],
  [/./, 2.5],
];

const TABLES: Readonly<Record<ModeId, readonly Rule[]>> = {
  global: GLOBAL,
  interface: INTERFACE,
  subinterface: INTERFACE,
  'router-ospf': ROUTER_OSPF,
  'router-bgp': ROUTER_BGP,
  'bgp-af': BGP_ADDRESS_FAMILY,
  vrf: VRF,
  'vrf-af': [[/./, 0]],
  line: LINE,
  // ACL entries are placed by sequence number (acl-store.ts).
  'std-nacl': [[/./, 0]],
  'ext-nacl': [[/./, 0]],
  'route-map': ROUTE_MAP,
  vlan: [[/^name /, 0], [/./, 1]],
  'class-map': [[/^description /, 0], [/./, 1]],
  'policy-map': [[/^description /, 0], [/^class /, 1, (w) => [w[1] === 'class-default' ? 1 : 0]], [/./, 2]],
  'policy-class': [[/./, 0]],
  archive: [[/^path /, 0], [/^maximum /, 1], [/./, 2]],
};

function compile(rules: readonly Rule[]): OrderOf {
  return (text) => {
    const subject = withoutNo(text);
    const rule = rules.find(([pattern]) => pattern.test(subject)) as Rule;
    const [, rank, sort, group] = rule;
    if (sort === undefined) return { rank, sort: [] };
    const words = subject.split(' ');
    const key: OrderKey = { rank, sort: sort(words) };
    if (group !== undefined) key.group = group(words);
    return key;
  };
}

const ORDER = new Map<ModeId, OrderOf>(Object.entries(TABLES).map(([mode, rules]) => [mode as ModeId, compile(rules)]));

/** The order of lines inside a section of this kind (`global`: the top level). */
export function orderOf(mode: ModeId): OrderOf {
  return ORDER.get(mode) as OrderOf;
}
