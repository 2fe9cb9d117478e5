// Random edits of prefix-lists and route-maps (references from route-maps and BGP kept valid).

import { ASN } from './gen-context.js';
import { prefixListEntries, routeMapEntry } from './generate-policy.js';
import { community, prefixEntry, prefixKey, site, word } from './lab-entries.js';
import type { PrefixList, RouteMap, RouteMapEntry } from './model-types.js';
import { different, pickOr, removeWhere, type Edit, type MutContext } from './mutate-context.js';

function keysOf(list: PrefixList): Set<string> {
  return new Set(list.entries.map(prefixKey));
}

const prefixChange: Edit = (m) => {
  const list = pickOr(m, m.model.prefixLists);
  if (!list) return undefined;
  const at = m.rng.int(0, list.entries.length - 1);
  const old = list.entries[at];
  if (!old) return undefined;
  const entry = prefixEntry(m.rng, old.seq, keysOf(list));
  list.entries[at] = entry;
  return `prefix-list ${list.name} seq ${entry.seq}: ${old.prefix} → ${entry.action} ${entry.prefix}`;
};

const prefixAdd: Edit = (m) => {
  const list = pickOr(m, m.model.prefixLists);
  if (!list) return undefined;
  const seqs = list.entries.map((e) => e.seq).sort((a, b) => a - b);
  // Between two entries when there is room, else after the last one.
  const gaps: number[] = [];
  for (let i = 1; i < seqs.length; i++) if ((seqs[i] as number) - (seqs[i - 1] as number) > 1) gaps.push(i);
  const gap = m.rng.chance(0.6) ? pickOr(m, gaps) : undefined;
  const seq = gap === undefined ? (seqs[seqs.length - 1] ?? 0) + 5 : m.rng.int((seqs[gap - 1] as number) + 1, (seqs[gap] as number) - 1);
  const entry = prefixEntry(m.rng, seq, keysOf(list));
  list.entries.push(entry);
  list.entries.sort((a, b) => a.seq - b.seq);
  return `prefix-list ${list.name}: seq ${seq} ${entry.action} ${entry.prefix} added`;
};

const prefixRemove: Edit = (m) => {
  const list = pickOr(m, m.model.prefixLists.filter((l) => l.entries.length >= 2));
  if (!list) return undefined;
  const [entry] = list.entries.splice(m.rng.int(0, list.entries.length - 1), 1);
  return `prefix-list ${list.name}: seq ${entry?.seq} removed`;
};

const prefixListRemove: Edit = (m) => {
  const list = pickOr(m, m.model.prefixLists);
  if (!list) return undefined;
  let refs = 0;
  for (const map of m.model.routeMaps) {
    for (const e of map.entries) if (e.matchPrefixList === list.name) refs += Number(delete e.matchPrefixList);
  }
  removeWhere(m.model.prefixLists, (l) => l === list);
  return `prefix-list ${list.name} removed${refs > 0 ? ` (and ${refs} route-map match(es))` : ''}`;
};

const prefixListAdd: Edit = (m) => {
  const names = new Set(m.model.prefixLists.map((l) => l.name));
  let name = `PL-${site(m.rng)}-${word(m.rng).toUpperCase()}-NEW`;
  for (let i = 2; names.has(name); i++) name = `PL-${site(m.rng)}-${word(m.rng).toUpperCase()}-NEW${i}`;
  m.model.prefixLists.push({ name, entries: prefixListEntries(m.rng, m.rng.int(1, 6)) });
  const entry = m.rng.chance(0.5) ? pickOr(m, m.model.routeMaps.flatMap((r) => r.entries)) : undefined;
  if (entry) entry.matchPrefixList = name;
  return `prefix-list ${name} added${entry ? ' and matched by a route-map entry' : ''}`;
};

const SETS = ['setLocalPreference', 'setCommunity', 'setMetric'] as const;
const SET_COMMANDS = { setLocalPreference: 'set local-preference', setCommunity: 'set community', setMetric: 'set metric' };

function setValue(m: MutContext, attr: (typeof SETS)[number]): number | string {
  if (attr === 'setCommunity') return community(m.rng, ASN);
  if (attr === 'setMetric') return m.rng.pick([0, 5, 20, 100, 300, 1000, 5000]);
  return m.rng.pick([50, 90, 110, 130, 170, 220, 400]);
}

const routeMapSetChange: Edit = (m) => {
  const found = pickOr(m, m.model.routeMaps.flatMap((map) => map.entries.filter((e) => e.action === 'permit').map((e) => ({ map, e }))));
  if (!found) return undefined;
  const { map, e } = found;
  const present = SETS.filter((a) => e[a] !== undefined);
  const attr = m.rng.chance(0.8) && present.length > 0 ? m.rng.pick(present) : m.rng.pick(SETS);
  const value = different(e[attr], () => setValue(m, attr));
  if (value === undefined) return undefined;
  (e as unknown as Record<string, unknown>)[attr] = value;
  return `route-map ${map.name} ${e.seq}: ${SET_COMMANDS[attr]} ${value}`;
};

const routeMapMatchChange: Edit = (m) => {
  const lists = m.model.prefixLists.map((l) => l.name);
  const found = pickOr(m, m.model.routeMaps.flatMap((map) => map.entries.map((e) => ({ map, e }))));
  const list = found && different(found.e.matchPrefixList, () => pickOr(m, lists));
  if (!found || list === undefined) return undefined;
  found.e.matchPrefixList = list;
  return `route-map ${found.map.name} ${found.e.seq}: now matches prefix-list ${list}`;
};

function direction(map: RouteMap): 'in' | 'out' {
  return map.name.includes('-OUT') ? 'out' : 'in';
}

const routeMapEntryAdd: Edit = (m) => {
  const map = pickOr(m, m.model.routeMaps);
  if (!map) return undefined;
  const seqs = new Set(map.entries.map((e) => e.seq));
  const max = Math.max(0, ...seqs);
  let seq = m.rng.chance(0.4) ? m.rng.int(1, max + 10) : max + 10;
  while (seqs.has(seq)) seq++;
  const entry: RouteMapEntry = routeMapEntry(m.rng, seq, m.model.prefixLists.map((l) => l.name), direction(map));
  map.entries.push(entry);
  map.entries.sort((a, b) => a.seq - b.seq);
  return `route-map ${map.name}: ${entry.action} ${seq} added`;
};

/** Removes a whole route-map and the BGP policies that named it. */
function dropRouteMap(m: MutContext, map: RouteMap): number {
  let refs = 0;
  for (const n of m.model.bgp?.neighbors ?? []) {
    if (n.routeMapIn === map.name) refs += Number(delete n.routeMapIn);
    if (n.routeMapOut === map.name) refs += Number(delete n.routeMapOut);
  }
  removeWhere(m.model.routeMaps, (r) => r === map);
  return refs;
}

const routeMapEntryRemove: Edit = (m) => {
  const map = pickOr(m, m.model.routeMaps);
  if (!map) return undefined;
  if (map.entries.length === 1) {
    const refs = dropRouteMap(m, map);
    return `route-map ${map.name} removed with its only entry${refs > 0 ? ` (and ${refs} BGP reference(s))` : ''}`;
  }
  const [entry] = map.entries.splice(m.rng.int(0, map.entries.length - 1), 1);
  return `route-map ${map.name}: entry ${entry?.seq} removed`;
};

const routeMapRemove: Edit = (m) => {
  const map = pickOr(m, m.model.routeMaps);
  if (!map) return undefined;
  const refs = dropRouteMap(m, map);
  return `route-map ${map.name} removed${refs > 0 ? ` (and ${refs} BGP reference(s))` : ''}`;
};

export const policyEdits: Record<string, Edit> = {
  prefixChange, prefixAdd, prefixRemove, prefixListRemove, prefixListAdd,
  routeMapSetChange, routeMapMatchChange, routeMapEntryAdd, routeMapEntryRemove, routeMapRemove,
};
