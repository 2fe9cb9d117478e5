// Routing policy objects as IOS keeps them: prefix-list entries by sequence number, route-map
// entries (sections) by sequence number, and `match` clauses that collect names on one line.
//
// Prefix-list sequence numbers: an entry without `seq` gets the next multiple of 5 above the
// highest in the list (5 for a new list), as Cisco's IP configuration guide and Quagga (which
// copies IOS) describe. A different entry at a sequence number already taken is refused with
// `% Duplicate sequence number`, the same message as for ACLs: IOS does not overwrite it, which is
// why Cisco's own Ansible module (ansible-collections/cisco.ios, prefix_lists) negates an entry
// before re-adding it at the same number. An identical entry at its own number changes nothing.

import type { ConfigNode } from '../../../ios/types.js';
import { intToIp, ipToInt } from '../../generate/lab-net.js';
import type { EffectContext, EffectResult } from './command-def.js';
import { ensureSection, insertOrdered, newNode, removeWhere } from './config-tree.js';
import { orderOf } from './show-order.js';

const PREFIX_LIST = /^ip prefix-list (\S+) seq (\d+) (.*)$/;

/** `permit 10.0.0.0/8 le 24` with the address masked to the prefix length, as IOS stores it. */
function prefixEntry(ctx: EffectContext): { entry: string; error?: string } {
  const { prefix, ge, le } = ctx.args as { prefix: string; ge?: string; le?: string };
  const action = ctx.words.includes('deny') ? 'deny' : 'permit';
  const [address, lengthText] = prefix.split('/') as [string, string];
  const length = Number(lengthText);
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  const network = `${intToIp((ipToInt(address) & mask) >>> 0)}/${length}`;
  const low = ge === undefined ? undefined : Number(ge);
  const high = le === undefined ? undefined : Number(le);
  const valid = (low === undefined || low > length) && (high === undefined || high > length) && (low === undefined || high === undefined || low <= high);
  const entry = `${action} ${network}${ge === undefined ? '' : ` ge ${ge}`}${le === undefined ? '' : ` le ${le}`}`;
  if (valid) return { entry };
  return { entry, error: `% Invalid prefix range for ${network}, make sure: len < ge-value <= le-value <= 32` };
}

function listEntries(running: readonly ConfigNode[], name: string): Array<{ node: ConfigNode; seq: number; entry: string }> {
  const out: Array<{ node: ConfigNode; seq: number; entry: string }> = [];
  const prefix = `ip prefix-list ${name} seq `;
  for (const node of running) {
    const m = node.text.startsWith(prefix) ? PREFIX_LIST.exec(node.text) : null;
    if (m && m[1] === name) out.push({ node, seq: Number(m[2]), entry: m[3] as string });
  }
  return out;
}

/** `ip prefix-list NAME [seq S] permit|deny P [ge G] [le L]` and its `no` forms. */
export function prefixList(ctx: EffectContext): EffectResult {
  const running = ctx.device.running;
  const name = ctx.args.name as string;
  const entries = listEntries(running, name);
  const seq = ctx.args.seq === undefined ? undefined : Number(ctx.args.seq);
  if (ctx.negation !== undefined) {
    if (seq === undefined && ctx.args.prefix === undefined) {
      return { changed: removeWhere(running, (node) => node.text.startsWith(`ip prefix-list ${name} `)) };
    }
    const entry = ctx.args.prefix === undefined ? undefined : prefixEntry(ctx).entry;
    const doomed = entries.find((e) => (seq !== undefined ? e.seq === seq : e.entry === entry));
    return { changed: doomed !== undefined && removeWhere(running, (node) => node === doomed.node) };
  }
  const { entry, error } = prefixEntry(ctx);
  if (error !== undefined) return { changed: false, output: [error] };
  const taken = seq === undefined ? undefined : entries.find((e) => e.seq === seq);
  if (taken !== undefined) return taken.entry === entry ? { changed: false } : { changed: false, output: ['% Duplicate sequence number'] };
  const highest = Math.max(0, ...entries.map((e) => e.seq));
  const number = seq ?? (Math.floor(highest / 5) + 1) * 5;
  insertOrdered(running, newNode(`ip prefix-list ${name} seq ${number} ${entry}`), orderOf('global'));
  return { changed: true };
}

const ROUTE_MAP = /^route-map (\S+) (permit|deny) (\d+)$/;

function routeMapEntries(running: readonly ConfigNode[], name: string): Array<{ node: ConfigNode; action: string; seq: number }> {
  const out: Array<{ node: ConfigNode; action: string; seq: number }> = [];
  const prefix = `route-map ${name} `;
  for (const node of running) {
    const m = node.text.startsWith(prefix) ? ROUTE_MAP.exec(node.text) : null;
    if (m) out.push({ node, action: m[2] as string, seq: Number(m[3]) });
  }
  return out;
}

/**
 * `route-map NAME [permit|deny] [SEQ]` enters an entry (default `permit 10`); naming an existing
 * sequence with the other action changes its action and keeps its clauses. Without a sequence
 * number, a map with several entries cannot tell which one is meant. `no route-map NAME SEQ`
 * removes that entry whatever its action; `no route-map NAME` the whole map.
 */
export function routeMap(ctx: EffectContext): EffectResult {
  const running = ctx.device.running;
  const name = ctx.args.name as string;
  const entries = routeMapEntries(running, name);
  const action = ctx.words.includes('deny') ? 'deny' : ctx.words.includes('permit') ? 'permit' : undefined;
  let seq = ctx.args.seq === undefined ? undefined : Number(ctx.args.seq);
  if (ctx.negation !== undefined) {
    const doomed = new Set(entries.filter((e) => seq === undefined || e.seq === seq).map((e) => e.node));
    return { changed: removeWhere(running, (node) => doomed.has(node)) };
  }
  if (seq === undefined) {
    if (entries.length > 1) return { changed: false, output: ['% Please specify the entry by its sequence'] };
    seq = entries[0]?.seq ?? 10;
  }
  const existing = entries.find((e) => e.seq === seq);
  const header = `route-map ${name} ${action ?? existing?.action ?? 'permit'} ${seq}`;
  if (existing !== undefined) {
    const changed = existing.node.text !== header;
    existing.node.text = header;
    return { changed, enter: { mode: 'route-map', header } };
  }
  const { created } = ensureSection(running, header, orderOf('global'));
  return { changed: created, enter: { mode: 'route-map', header } };
}

/**
 * `match ip address prefix-list A`, then `… B`: IOS keeps one line listing both. `no` with names
 * takes those out (the line goes with the last one); without names the whole line goes.
 */
export function matchList(headWords: number) {
  return (ctx: EffectContext): EffectResult => {
    const lines = ctx.lines as ConfigNode[];
    const head = ctx.words.slice(0, headWords).join(' ');
    const names = ctx.words.slice(headWords).join(' ').split(' ').filter((n) => n !== '');
    // `match ip address 10` and `match ip address prefix-list PL` are different clauses.
    const isClause = (text: string): boolean => text.startsWith(`${head} `) && text.split(' ')[headWords] !== 'prefix-list';
    const current = lines.find((node) => isClause(node.text));
    const have = current === undefined ? [] : current.text.slice(head.length + 1).split(' ');
    const wanted = ctx.negation === undefined ? [...have, ...names.filter((n) => !have.includes(n))] : names.length === 0 ? [] : have.filter((n) => !names.includes(n));
    if (wanted.length === 0) return { changed: current !== undefined && removeWhere(lines, (node) => node === current) };
    const text = `${head} ${wanted.join(' ')}`;
    if (current === undefined) insertOrdered(lines, newNode(text), orderOf(ctx.mode));
    else if (current.text === text) return { changed: false };
    else current.text = text;
    return { changed: true };
  };
}
