// Interfaces as IOS prints them: IOS order, the lines of each in IOS order, hidden defaults.

import { vlanListParts } from '../../ios/vlan-list.js';
import type { Block, DocNode } from './render-doc.js';
import type { Interface } from './model-types.js';

const KIND_ORDER: Record<Interface['kind'], number> = {
  loopback: 0,
  'port-channel': 1,
  routed: 2,
  switchport: 2,
  subinterface: 2,
  svi: 3,
};

function numbers(name: string): number[] {
  return (name.match(/\d+/g) ?? []).map(Number);
}

/** Loopbacks, port-channels, hardware ports by slot/port (sub-interfaces after their parent), SVIs. */
export function compareInterfaces(a: Interface, b: Interface): number {
  return compareKeys(sortKey(a), sortKey(b));
}

interface SortKey {
  intf: Interface;
  kind: number;
  numbers: number[];
}

function sortKey(intf: Interface): SortKey {
  return { intf, kind: KIND_ORDER[intf.kind], numbers: numbers(intf.name) };
}

/** The interfaces in IOS order. */
export function sortInterfaces(interfaces: readonly Interface[]): Interface[] {
  return interfaces.map(sortKey).sort(compareKeys).map((k) => k.intf);
}

function compareKeys(ka: SortKey, kb: SortKey): number {
  const kind = ka.kind - kb.kind;
  if (kind !== 0) return kind;
  const x = ka.numbers;
  const y = kb.numbers;
  const a = ka.intf;
  const b = kb.intf;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d;
  }
  return x.length - y.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export function isHardware(intf: Interface): boolean {
  return intf.kind === 'routed' || intf.kind === 'switchport';
}

/**
 * A hardware port with nothing configured: what `default interface` leaves (routed ports come
 * back shut down, switch ports up). Intended configs leave such ports out.
 */
export function isDefaultState(intf: Interface): boolean {
  if (!isHardware(intf)) return false;
  const empty =
    intf.description === undefined && intf.vrf === undefined && intf.ip === undefined && intf.secondaries.length === 0 &&
    intf.accessGroupIn === undefined && intf.accessGroupOut === undefined && intf.ospfCost === undefined &&
    intf.switchport === undefined && intf.channelGroup === undefined;
  return empty && intf.shutdown === (intf.kind === 'routed');
}

/** The running-config defaults of a freshly reset hardware port. */
export function resetToDefault(intf: Interface): Interface {
  return { name: intf.name, kind: intf.kind, secondaries: [], shutdown: intf.kind === 'routed' };
}

/** `switchport trunk allowed vlan …` wrapped the way IOS wraps long lists (`… add …` lines). */
export function trunkLines(vlans: readonly number[], width = 48): string[] {
  const parts = vlanListParts(vlans);
  const lines: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const part of parts) {
    if (current.length > 0 && length + part.length + 1 > width) {
      lines.push(current.join(','));
      current = [];
      length = 0;
    }
    current.push(part);
    length += part.length + 1;
  }
  if (current.length > 0) lines.push(current.join(','));
  return lines.map((list, i) => `switchport trunk allowed vlan ${i === 0 ? '' : 'add '}${list}`);
}

export function interfaceNode(intf: Interface): DocNode {
  const c: string[] = [];
  if (intf.description !== undefined) c.push(`description ${intf.description}`);
  const sp = intf.switchport;
  if (sp?.mode === 'access') c.push(`switchport access vlan ${sp.accessVlan}`, 'switchport mode access');
  if (sp?.mode === 'trunk') c.push(...trunkLines(sp.allowedVlans), 'switchport mode trunk');
  if (intf.dot1q !== undefined) c.push(`encapsulation dot1Q ${intf.dot1q}`);
  if (intf.vrf !== undefined) c.push(`vrf forwarding ${intf.vrf}`);
  if (intf.kind !== 'switchport') {
    // IOS lists secondary addresses before the primary one.
    for (const sec of intf.secondaries) c.push(`ip address ${sec.address} ${sec.mask} secondary`);
    c.push(intf.ip ? `ip address ${intf.ip.address} ${intf.ip.mask}` : 'no ip address');
  }
  if (intf.accessGroupIn !== undefined) c.push(`ip access-group ${intf.accessGroupIn} in`);
  if (intf.accessGroupOut !== undefined) c.push(`ip access-group ${intf.accessGroupOut} out`);
  if (intf.ospfCost !== undefined) c.push(`ip ospf cost ${intf.ospfCost}`);
  if (intf.shutdown) c.push('shutdown');
  if (intf.kind === 'routed' && intf.name.startsWith('GigabitEthernet')) c.push('negotiation auto');
  if (intf.channelGroup !== undefined) c.push(`channel-group ${intf.channelGroup} mode active`);
  return { text: `interface ${intf.name}`, children: c.map((text) => ({ text })) };
}

/** One block per interface in IOS order; `intended` leaves out hardware ports in default state. */
export function interfaceBlocks(interfaces: readonly Interface[], intended: boolean): Block[] {
  const sorted = sortInterfaces(interfaces);
  const blocks: Block[] = [];
  for (const intf of sorted) {
    if (intended && isDefaultState(intf)) continue;
    blocks.push([interfaceNode(intf)]);
  }
  return blocks;
}
