// What IOS does to an interface beyond setting a line: primary and secondary addresses, VRF
// membership (which deletes the addresses), the trunk's allowed VLAN set, creating, resetting
// and removing interfaces.

import { isPhysicalInterface } from '../../../ios/interface-names.js';
import type { ConfigNode } from '../../../ios/types.js';
import type { EffectContext, EffectResult, ModeId } from './command-def.js';
import { ensureSection, findSection, insertOrdered, newNode, removeWhere, setLine } from './config-tree.js';
import { orderOf } from './show-order.js';
import { allVlans, parseVlans, trunkAllowedLines } from './vlan-set.js';

const NO_ADDRESS = 'no ip address';
const isSecondary = (text: string): boolean => text.startsWith('ip address ') && text.endsWith(' secondary');
const isPrimary = (text: string): boolean => text.startsWith('ip address ') && !text.endsWith(' secondary');

function interfaceName(header: string): string {
  return header.slice('interface '.length);
}

/** `interface X`: a sub-interface (`X.N`) has its own prompt. */
export function enterInterface(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const name = ctx.args.name as string;
  const header = `interface ${name}`;
  if (ctx.negation !== 'no' && !ctx.device.hasHardwareFor(name)) {
    // No such port on this box: IOS refuses the name (a typo, or a plan for other hardware).
    return { changed: false, error: { kind: 'invalid', offset: lastWordOffset(ctx.line) } };
  }
  if (ctx.negation === 'default') return defaultInterface(lines, header);
  if (ctx.negation === 'no') return removeInterface(lines, name);
  const { created } = ensureSection(lines, header, orderOf('global'));
  return { changed: created, enter: { mode: name.includes('.') ? 'subinterface' : 'interface', header } };
}

function lastWordOffset(line: string): number {
  const trimmed = line.trimEnd();
  return trimmed.lastIndexOf(' ') + 1;
}

/** `default interface X`: every setting back to its default; the header stays. */
function defaultInterface(lines: ConfigNode[], header: string): EffectResult {
  const { node, created } = ensureSection(lines, header, orderOf('global'));
  const changed = created || node.children.length > 0;
  node.children = [];
  return { changed, output: [`Interface ${interfaceName(header)} set to default configuration`] };
}

/** `no interface X`: logical interfaces (and their sub-interfaces) go; hardware cannot. */
function removeInterface(lines: ConfigNode[], name: string): EffectResult {
  if (isPhysicalInterface(name)) return { changed: false, output: ['% Removal of physical interfaces is not permitted'] };
  const header = `interface ${name}`;
  return { changed: removeWhere(lines, (node) => node.text === header || node.text.startsWith(`${header}.`)) };
}

/**
 * Removes an interface's addresses; an interface left without one shows `no ip address`.
 * Returns whether it had any.
 */
function clearAddresses(children: ConfigNode[], mode: ModeId): boolean {
  if (!removeWhere(children, (node) => node.text.startsWith('ip address '))) return false;
  markNoAddress(children, mode);
  return true;
}

/** Adds `no ip address` if it is not there; returns whether it was added. */
function markNoAddress(children: ConfigNode[], mode: ModeId): boolean {
  if (children.some((node) => node.text === NO_ADDRESS)) return false;
  insertOrdered(children, newNode(NO_ADDRESS), orderOf(mode));
  return true;
}

const modeOf = (header: string): ModeId => (header.includes('.') ? 'subinterface' : 'interface');

const SUBINTERFACE_NEEDS_ENCAPSULATION = [
  '% Configuring IP routing on a LAN subinterface is only allowed if that',
  'subinterface is already configured as part of an IEEE 802.10, IEEE 802.1Q,',
  'or ISL vLAN.',
];

/**
 * `ip address A M [secondary]` and its `no` forms. A new primary replaces the old one in place;
 * secondaries are added and removed one by one; the primary cannot go while secondaries remain;
 * bare `no ip address` removes them all. IOS lists the secondaries before the primary.
 */
export function ipAddress(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const order = orderOf(ctx.mode);
  const secondary = ctx.words[ctx.words.length - 1] === 'secondary';
  if (ctx.negation !== undefined) {
    if (ctx.args.address === undefined) return { changed: clearAddresses(lines, ctx.mode) || markNoAddress(lines, ctx.mode) };
    const target = `ip address ${ctx.args.address} ${ctx.args.mask as string}${secondary ? ' secondary' : ''}`;
    if (!secondary && lines.some((n) => isSecondary(n.text)) && lines.some((n) => n.text === target)) {
      return { changed: false, output: ['% Must delete secondary before deleting primary'] };
    }
    const removed = removeWhere(lines, (node) => node.text === target);
    if (removed && !lines.some((n) => n.text.startsWith('ip address '))) markNoAddress(lines, ctx.mode);
    return { changed: removed };
  }
  if (ctx.mode === 'subinterface' && !lines.some((n) => n.text.startsWith('encapsulation '))) {
    return { changed: false, output: SUBINTERFACE_NEEDS_ENCAPSULATION };
  }
  const marker = removeWhere(lines, (node) => node.text === NO_ADDRESS);
  if (secondary) {
    if (lines.some((n) => n.text === ctx.text)) return { changed: marker };
    insertOrdered(lines, newNode(ctx.text), order);
    return { changed: true };
  }
  const primary = lines.find((n) => isPrimary(n.text));
  if (primary) {
    const changed = primary.text !== ctx.text;
    primary.text = ctx.text;
    return { changed: changed || marker };
  }
  insertOrdered(lines, newNode(ctx.text), order);
  return { changed: true };
}

function vrfExists(ctx: EffectContext, name: string, legacy: boolean): boolean {
  const running = ctx.device.running;
  return findSection(running, `vrf definition ${name}`) !== undefined || (legacy && findSection(running, `ip vrf ${name}`) !== undefined);
}

/**
 * `vrf forwarding X` (and the older `ip vrf forwarding X`): the VRF must exist; joining or leaving
 * a VRF deletes the interface's addresses, as IOS says it does.
 */
export function vrfForwarding(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const legacy = ctx.words[0] === 'ip';
  const prefix = legacy ? 'ip vrf forwarding ' : 'vrf forwarding ';
  const current = lines.find((n) => n.text.startsWith(prefix));
  const name = interfaceName(ctx.header);
  if (ctx.negation !== undefined) {
    if (current === undefined) return { changed: false };
    const vrf = current.text.slice(prefix.length);
    removeWhere(lines, (node) => node === current);
    return { changed: true, output: addressesDropped(lines, ctx.mode, name, `disabling VRF ${vrf}`) };
  }
  const vrf = ctx.args.vrf as string;
  if (!vrfExists(ctx, vrf, legacy)) return { changed: false, output: [`% VRF ${vrf} not configured.`] };
  if (current?.text === ctx.text) return { changed: false };
  setLine(lines, ctx.text, legacy ? 3 : 2, orderOf(ctx.mode));
  return { changed: true, output: addressesDropped(lines, ctx.mode, name, `enabling VRF ${vrf}`) };
}

/** Joining or leaving a VRF clears the addresses; IOS says so when there were any. */
function addressesDropped(lines: ConfigNode[], mode: ModeId, name: string, why: string): string[] {
  return clearAddresses(lines, mode) ? [`% Interface ${name} IPv4 disabled and address(es) removed due to ${why}`] : [];
}

/** Takes interfaces out of a deleted VRF, with their addresses; returns whether any had addresses. */
export function leaveDeletedVrf(running: ConfigNode[], vrf: string): boolean {
  let any = false;
  for (const node of running) {
    if (!node.text.startsWith('interface ')) continue;
    const member = removeWhere(node.children, (c) => c.text === `vrf forwarding ${vrf}` || c.text === `ip vrf forwarding ${vrf}`);
    if (member && clearAddresses(node.children, modeOf(node.text))) any = true;
  }
  return any;
}

const ALLOWED = 'switchport trunk allowed vlan ';

/** The trunk's allowed set from its lines (the first list, then `add` continuation lines). */
function allowedVlans(lines: readonly ConfigNode[]): Set<number> {
  const own = lines.filter((n) => n.text.startsWith(ALLOWED)).map((n) => n.text.slice(ALLOWED.length));
  if (own.length === 0) return allVlans();
  const out = new Set<number>();
  for (const list of own) {
    const value = list.startsWith('add ') ? list.slice(4) : list;
    if (value !== 'none') for (const v of parseVlans(value)) out.add(v);
  }
  return out;
}

/** `switchport trunk allowed vlan LIST | add | remove | except | all | none`, as one set. */
export function trunkAllowed(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const before = allowedVlans(lines);
  const list = ctx.args.vlans === undefined ? new Set<number>() : parseVlans(ctx.args.vlans);
  const op = ctx.words[4];
  let after: Set<number>;
  if (ctx.negation !== undefined || op === 'all') after = allVlans();
  else if (op === 'none') after = new Set();
  else if (op === 'add') after = new Set([...before, ...list]);
  else if (op === 'remove') after = new Set([...before].filter((v) => !list.has(v)));
  else if (op === 'except') after = new Set([...allVlans()].filter((v) => !list.has(v)));
  else after = list;
  const old = lines.filter((n) => n.text.startsWith(ALLOWED)).map((n) => n.text);
  const fresh = trunkAllowedLines(after);
  if (old.join('\n') === fresh.join('\n')) return { changed: false };
  removeWhere(lines, (n) => n.text.startsWith(ALLOWED));
  for (const text of fresh) insertOrdered(lines, newNode(text), orderOf(ctx.mode));
  return { changed: true };
}

/** `no switchport` makes a routed port: its layer-2 settings go. `switchport` undoes it. */
export function switchportMode(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  if (ctx.negation === 'no') {
    const had = lines.some((n) => n.text === 'no switchport');
    const removed = removeWhere(lines, (n) => n.text.startsWith('switchport '));
    if (!had) insertOrdered(lines, newNode('no switchport'), orderOf(ctx.mode));
    return { changed: removed || !had };
  }
  return { changed: removeWhere(lines, (n) => n.text === 'no switchport') };
}
