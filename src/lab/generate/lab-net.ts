// IPv4 arithmetic and address pools for the lab generator and editor.

import type { DeviceModel, IpAddr } from './model-types.js';
import type { Random } from './random.js';

export function ipToInt(ip: string): number {
  let value = 0;
  let octet = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      value = value * 256 + octet;
      octet = 0;
    } else octet = octet * 10 + (c - 48);
  }
  return value * 256 + octet;
}

export function intToIp(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

export function maskOf(len: number): string {
  return intToIp(len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);
}

export function wildcardOf(len: number): string {
  return intToIp(len === 32 ? 0 : (0xffffffff >>> len) >>> 0);
}

export function lengthOfMask(mask: string): number {
  let value = ipToInt(mask);
  let len = 0;
  while (value & 0x80000000) {
    len++;
    value = (value << 1) >>> 0;
  }
  return len;
}

/** The network address of `ip` under `len`. */
export function networkOf(ip: string, len: number): string {
  const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return intToIp((ipToInt(ip) & mask) >>> 0);
}

/** Hands out aligned, never-overlapping blocks from [start, end). */
export class SubnetPool {
  private cursor: number;

  constructor(
    start: string,
    private readonly end: number = 0xffffffff,
  ) {
    this.cursor = ipToInt(start);
  }

  /** The network address of a fresh block of prefix length `len`. */
  next(len: number): number {
    const size = 2 ** (32 - len);
    const base = Math.ceil(this.cursor / size) * size;
    if (base + size > this.end) throw new Error(`address pool exhausted at /${len}`);
    this.cursor = base + size;
    return base;
  }
}

/** A host address and mask inside a fresh block (`offset` from its network address). */
export function hostIn(base: number, len: number, offset = 1): IpAddr {
  return { address: intToIp(base + offset), mask: maskOf(len) };
}

/** First three octets of every interface address in the model. */
export function usedBlocks(model: DeviceModel): Set<string> {
  const used = new Set<string>();
  const add = (ip: string): void => {
    used.add(ip.slice(0, ip.lastIndexOf('.')));
  };
  for (const intf of model.interfaces) {
    if (intf.ip) add(intf.ip.address);
    for (const sec of intf.secondaries) add(sec.address);
  }
  for (const n of model.bgp?.neighbors ?? []) add(n.address);
  for (const r of model.staticRoutes) add(r.prefix);
  return used;
}

/**
 * A /24 (a.b.c) in 10.240.0.0/12 that no interface, neighbour or route of the model uses: the
 * editor's addresses never overlap the generator's. Marks it used.
 */
export function freeBlock(rng: Random, used: Set<string>): string {
  for (;;) {
    const block = `10.${rng.int(240, 254)}.${rng.int(0, 255)}`;
    if (!used.has(block)) {
      used.add(block);
      return block;
    }
  }
}

/** A random aligned prefix `a.b.c.d/len` for prefix-lists. */
export function randomPrefix(rng: Random): { prefix: string; len: number } {
  const len = rng.pick([8, 12, 16, 16, 19, 20, 22, 23, 24, 24, 24, 25, 26, 27, 28, 29, 30, 32]);
  const first = rng.pick([10, 10, 172, 192, 198, 203, 100, 185, 45]);
  const raw = ((first << 24) | (rng.int(0, 0xffffff) & 0xffffff)) >>> 0;
  const mask = (0xffffffff << (32 - len)) >>> 0;
  return { prefix: `${intToIp((raw & mask) >>> 0)}/${len}`, len };
}
