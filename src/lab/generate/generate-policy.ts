// Generator: named and numbered ACLs, prefix-lists and route-maps.

import { ASN, scaled, uniqueName, type GenContext } from './gen-context.js';
import { community, distinctEntries, extendedEntry, prefixEntry, site, standardEntry, word } from './lab-entries.js';
import type { PrefixList, RouteMap, RouteMapEntry } from './model-types.js';
import type { Random } from './random.js';

export function generateAcls(ctx: GenContext): void {
  const { rng, model } = ctx;
  const names = new Set<string>();
  const named = (name: string, type: 'standard' | 'extended', entries: string[]): void => {
    model.namedAcls.push({ name: uniqueName(names, name), type, entries });
  };
  named('MGMT', 'standard', ['permit 10.99.0.0 0.0.0.255', ...distinctEntries(rng, rng.int(1, 2), standardEntry, new Set(['permit 10.99.0.0 0.0.0.255']))]);
  named('NOC', 'standard', distinctEntries(rng, rng.int(2, 3), standardEntry));
  const edge = distinctEntries(rng, ctx.target < 600 ? rng.int(2, 3) : rng.int(5, 12), extendedEntry, new Set(['deny ip any any log']));
  named('EDGE-IN', 'extended', [...edge, 'deny ip any any log']);

  let budget = scaled(ctx, 0.15, 1, 4);
  while (budget > 0) {
    const size = Math.min(budget, rng.int(4, 70));
    if (rng.chance(0.15)) named(`${word(rng).toUpperCase()}-HOSTS`, 'standard', distinctEntries(rng, size, standardEntry));
    else named(rng.chance(0.5) ? `CUST-${rng.int(100, 9999)}-IN` : `${site(rng)}-${word(rng).toUpperCase()}-FILTER`, 'extended', distinctEntries(rng, size, extendedEntry));
    budget -= size + 1;
  }

  // Numbered lists: 10 is the SNMP filter; then standard 11–99 and extended 100–199.
  model.numberedAcls.push({ number: 10, entries: ['permit 10.99.0.0 0.0.0.255', ...distinctEntries(rng, rng.int(0, 2), standardEntry, new Set(['permit 10.99.0.0 0.0.0.255']))] });
  budget = scaled(ctx, 0.04, 1, 2);
  const numbers = rng.shuffle([...range(11, 99), ...range(100, 199)]);
  for (const number of numbers) {
    if (budget <= 0) break;
    const size = Math.min(budget, rng.int(2, 40));
    model.numberedAcls.push({ number, entries: distinctEntries(rng, size, number < 100 ? standardEntry : extendedEntry) });
    budget -= size;
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** Entries at sequence numbers 5, 10, 15, … (sometimes with gaps, as lists look after edits). */
export function prefixListEntries(rng: Random, size: number): PrefixList['entries'] {
  const taken = new Set<string>();
  const step = rng.chance(0.7) ? 5 : 10;
  const entries: PrefixList['entries'] = [];
  let seq = step;
  for (let i = 0; i < size; i++) {
    entries.push(prefixEntry(rng, seq, taken));
    seq += rng.chance(0.1) ? step * rng.int(2, 4) : step;
  }
  return entries;
}

export function generatePrefixLists(ctx: GenContext): void {
  const { rng, model } = ctx;
  const names = new Set<string>();
  let budget = scaled(ctx, 0.12, 1, 2);
  while (budget > 0 || model.prefixLists.length < 2) {
    const size = Math.max(1, Math.min(budget, rng.int(2, 60)));
    const name = uniqueName(names, `PL-${site(rng)}-${word(rng).toUpperCase()}`);
    model.prefixLists.push({ name, entries: prefixListEntries(rng, size) });
    budget -= size + 1;
  }
}

/** One route-map entry; `direction` decides which attributes it sets. */
export function routeMapEntry(rng: Random, seq: number, lists: string[], direction: 'in' | 'out'): RouteMapEntry {
  const entry: RouteMapEntry = { seq, action: rng.chance(0.85) ? 'permit' : 'deny' };
  if (lists.length > 0) entry.matchPrefixList = rng.pick(lists);
  if (entry.action === 'deny') return entry;
  if (direction === 'in') {
    entry.setLocalPreference = rng.pick([50, 80, 100, 120, 150, 200, 250, 300]);
    if (rng.chance(0.3)) entry.setCommunity = community(rng, ASN);
  } else {
    if (rng.chance(0.6)) entry.setMetric = rng.pick([0, 10, 50, 100, 200, 500, 1000]);
    if (rng.chance(0.5) || entry.setMetric === undefined) entry.setCommunity = community(rng, ASN);
  }
  return entry;
}

export function generateRouteMaps(ctx: GenContext): void {
  const { rng, model } = ctx;
  const names = new Set<string>();
  const lists = model.prefixLists.map((l) => l.name);
  const count = Math.max(2, Math.round(lists.length * 0.8));
  for (let i = 0; i < count; i++) {
    const direction = i % 2 === 0 ? 'in' : 'out';
    const map: RouteMap = { name: uniqueName(names, `RM-${site(rng)}-${word(rng).toUpperCase()}-${direction.toUpperCase()}`), entries: [] };
    const entries = ctx.target < 600 ? 1 : rng.int(1, 3);
    for (let k = 1; k <= entries; k++) map.entries.push(routeMapEntry(rng, k * 10, lists, direction));
    model.routeMaps.push(map);
  }
}

/** Route-maps meant for one direction of a BGP session (by their name). */
export function routeMapsFor(maps: readonly RouteMap[], direction: 'in' | 'out'): string[] {
  const suffix = direction === 'in' ? '-IN' : '-OUT';
  return maps.filter((m) => m.name.includes(suffix)).map((m) => m.name);
}
