// Routing-process behaviour that is more than setting a line: one BGP process per device,
// neighbours that must be declared before they are configured and that take all their lines
// with them when removed, and OSPF's `passive-interface default` with its exceptions.

import type { ConfigNode } from '../../../ios/types.js';
import type { EffectContext, EffectResult } from './command-def.js';
import { ensureSection, findByKey, insertOrdered, lineKey, newNode, removeLines, removeWhere, setLine, type KeyRule } from './config-tree.js';
import { orderOf } from './show-order.js';

function bgpSection(running: readonly ConfigNode[]): ConfigNode | undefined {
  return running.find((node) => node.text.startsWith('router bgp '));
}

/** `router bgp N`: IOS runs one BGP process; another AS number is refused. */
export function routerBgp(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const existing = bgpSection(lines);
  if (ctx.negation !== undefined) {
    return { changed: existing?.text === ctx.text && removeWhere(lines, (node) => node === existing) };
  }
  if (existing !== undefined && existing.text !== ctx.text) {
    return { changed: false, output: [`% BGP is already running; AS is ${existing.text.slice('router bgp '.length)}`] };
  }
  const { created } = ensureSection(lines, ctx.text, orderOf('global'));
  return { changed: created, enter: { mode: 'router-bgp', header: ctx.text } };
}

/** The AF sections a router-level neighbour lives in: all but the VRF ones (their neighbours are others). */
function globalFamilies(router: ConfigNode): ConfigNode[] {
  return router.children.filter((node) => node.text.startsWith('address-family ') && !node.text.includes(' vrf '));
}

const declares = (peer: string) => (node: ConfigNode): boolean =>
  node.text.startsWith(`neighbor ${peer} remote-as `) || node.text.startsWith(`neighbor ${peer} peer-group`);

/** Whether `peer` was declared (remote-as or peer-group) where the command was entered. */
function peerDeclared(ctx: EffectContext, peer: string): boolean {
  const router = bgpSection(ctx.device.running);
  if (router?.children.some(declares(peer))) return true;
  // In a VRF address family neighbours are declared inside it.
  return ctx.mode === 'bgp-af' && (ctx.lines as ConfigNode[]).some(declares(peer));
}

/**
 * `neighbor X remote-as N` declares (or re-declares) a neighbour. Its `no` form, and bare
 * `no neighbor X`, remove the neighbour with every line about it, in the router section and its
 * address families (a VRF family's neighbour only there).
 */
export function neighborRemoteAs(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const peer = ctx.args.peer as string;
  if (ctx.negation === undefined) return { changed: setLine(lines, ctx.text, 3, orderOf(ctx.mode)) };
  const aboutPeer = (node: ConfigNode): boolean => node.text.startsWith(`neighbor ${peer} `);
  const router = bgpSection(ctx.device.running);
  const scopes = ctx.mode === 'bgp-af' && ctx.header.includes(' vrf ') ? [lines] : router ? [router.children, ...globalFamilies(router).map((af) => af.children)] : [];
  let changed = false;
  for (const scope of scopes) changed = removeWhere(scope, aboutPeer) || changed;
  return { changed };
}

/** The key of a neighbour setting: `neighbor X route-map NAME in` is one per direction. */
function neighborKey(words: string[]): KeyRule {
  return words[2] === 'route-map' || words[2] === 'prefix-list' || words[2] === 'filter-list' ? [0, 1, 2, 4] : 3;
}

/** A setting of a declared neighbour (IOS refuses settings of an undeclared one). */
export function neighborSetting(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const key = neighborKey(ctx.words);
  if (ctx.negation !== undefined) return { changed: removeLines(lines, ctx.text, key) };
  if (!peerDeclared(ctx, ctx.args.peer as string)) return { changed: false, output: ['% Specify remote-as or peer-group commands first'] };
  return { changed: setLine(lines, ctx.text, key, orderOf(ctx.mode)) };
}

const PASSIVE_DEFAULT = 'passive-interface default';

/**
 * OSPF passive interfaces. With `passive-interface default` every interface is passive and IOS
 * lists the exceptions as `no passive-interface X`; without it, the passive ones.
 */
export function passiveInterface(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const order = orderOf(ctx.mode);
  const byDefault = lines.some((node) => node.text === PASSIVE_DEFAULT);
  const passive = ctx.negation === undefined;
  if (ctx.text === PASSIVE_DEFAULT) {
    if (passive === byDefault) return { changed: false };
    // Switching the default makes every per-interface line redundant.
    removeWhere(lines, (node) => node.text.startsWith('passive-interface ') || node.text.startsWith('no passive-interface '));
    if (passive) insertOrdered(lines, newNode(PASSIVE_DEFAULT), order);
    return { changed: true };
  }
  const exception = passive !== byDefault;
  const line = byDefault ? `no ${ctx.text}` : ctx.text;
  if (!exception) return { changed: removeLines(lines, ctx.text, undefined) };
  if (findByKey(lines, lineKey(line, undefined), undefined).some((node) => node.text === line)) return { changed: false };
  insertOrdered(lines, newNode(line), order);
  return { changed: true };
}
