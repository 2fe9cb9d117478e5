// Shared state of one generator run: the random source, the size target, address pools.

import { SubnetPool } from './lab-net.js';
import type { DeviceModel } from './model-types.js';
import type { Random } from './random.js';

export const ASN = 65000;
export const ROUTER_ID = '10.255.0.1';
export const MGMT_VRF = 'MGMT';

export interface GenContext {
  rng: Random;
  /** Target number of rendered lines. */
  target: number;
  model: DeviceModel;
  /** /30 and /29 links: 10.1.0.0 – 10.31.255.255. */
  links: SubnetPool;
  /** Static route destinations: 10.32.0.0 – 10.95.255.255. */
  routes: SubnetPool;
  /** LAN /24s (SVIs): 10.100.0.0 – 10.199.255.255. */
  lans: SubnetPool;
  /** Secondary /24s: 172.16.0.0/12. */
  secondaries: SubnetPool;
  /** Extra loopbacks: 10.255.1.0 and up. */
  loopbacks: SubnetPool;
  /** eBGP peerings: 100.64.0.0/10. */
  peers: SubnetPool;
}

export function createContext(rng: Random, target: number, model: DeviceModel): GenContext {
  const end = (ip: string): number => {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return ((a << 24) | (b << 16)) >>> 0;
  };
  return {
    rng,
    target,
    model,
    links: new SubnetPool('10.1.0.0', end('10.32.0.0')),
    routes: new SubnetPool('10.32.0.0', end('10.96.0.0')),
    lans: new SubnetPool('10.100.0.0', end('10.200.0.0')),
    secondaries: new SubnetPool('172.16.0.0', end('172.32.0.0')),
    loopbacks: new SubnetPool('10.255.1.1'),
    peers: new SubnetPool('100.64.0.0', end('100.128.0.0')),
  };
}

/** About how many lines a config has with the minimum of everything. */
export const FIXED_LINES = 230;

/**
 * `count` units of something, scaled to the target: `share` of the lines above the fixed part,
 * at `linesEach` lines per unit.
 */
export function scaled(ctx: GenContext, share: number, linesEach: number, min: number, max = Infinity): number {
  const room = Math.max(0, ctx.target - FIXED_LINES);
  return Math.max(min, Math.min(max, Math.round((room * share) / linesEach)));
}

/** A unique upper-case name: `base`, then `base-2`, `base-3`, … */
export function uniqueName(taken: Set<string>, base: string): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}
