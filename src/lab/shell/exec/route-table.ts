// The IPv4 routing table of one VRF (or the global table), derived as IOS builds it: connected
// and local routes of the interfaces that are up, then static routes whose next hop resolves
// (recursively) or whose interface is up. Dynamic protocols are not simulated. `show ip route`
// prints it; `ping` looks destinations up in it.

import type { LabDevice } from '../../device/lab-device.js';
import { ipToInt, lengthOfMask } from '../../generate/lab-net.js';
import { canonicalInterfaceName } from '../../../ios/interface-names.js';
import { dottedQuad } from '../grammar/token-types.js';
import { interfaceStates, type InterfaceState } from './interface-state.js';

export type RouteCode = 'C' | 'L' | 'S';

export interface NextHop {
  address?: string;
  interface?: string;
}

export interface Route {
  code: RouteCode;
  /** Network address as an unsigned 32-bit number. */
  network: number;
  length: number;
  /** Administrative distance: 0 for connected, 1 by default for static. */
  distance: number;
  /** Equal-distance paths; one for connected and local routes. */
  nextHops: NextHop[];
}

export interface RoutingTable {
  /** Installed routes, by network then prefix length (the order IOS prints them in). */
  routes: Route[];
  /** The longest-prefix match for a destination address. */
  lookup(address: string): Route | undefined;
}

interface StaticRoute {
  vrf: string | undefined;
  network: number;
  length: number;
  nextHop: NextHop;
  distance: number;
}

const NUMBER = /^\d+$/;

/** The table of `vrf` (undefined: the global table); undefined when that VRF is not defined. */
export function routingTable(device: LabDevice, vrf?: string): RoutingTable | undefined {
  if (vrf !== undefined && !vrfDefined(device, vrf)) return undefined;
  const index = new PrefixIndex();
  const states = interfaceStates(device).filter((state) => state.vrf === vrf);
  for (const state of states) if (state.protocolUp) addConnected(index, state);
  const upInterfaces = new Set(states.filter((state) => state.protocolUp).map((state) => state.name));
  const statics = device.running
    .map((node) => parseStaticRoute(node.text))
    .filter((route): route is StaticRoute => route !== undefined && route.vrf === vrf);
  installStatics(index, statics, upInterfaces);
  return { routes: index.sorted(), lookup: (address) => index.longestMatch(ipToInt(address)) };
}

function vrfDefined(device: LabDevice, vrf: string): boolean {
  return device.running.some((node) => node.text === `vrf definition ${vrf}` || node.text === `ip vrf ${vrf}`);
}

function addConnected(index: PrefixIndex, state: InterfaceState): void {
  for (const { address, mask } of state.addresses) {
    const length = lengthOfMask(mask);
    const host = ipToInt(address);
    const via = [{ interface: state.name }];
    index.add({ code: 'C', network: maskedNetwork(host, length), length, distance: 0, nextHops: via });
    if (length < 32) index.add({ code: 'L', network: host, length: 32, distance: 0, nextHops: via });
  }
}

/**
 * Statics are installed in rounds until none is left that resolves: a next hop may be reached
 * through another static (recursion), but never through a route for the same prefix.
 */
function installStatics(index: PrefixIndex, statics: StaticRoute[], upInterfaces: Set<string>): void {
  let pending = statics;
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    const unresolved: StaticRoute[] = [];
    for (const route of pending) {
      if (!resolves(route, index, upInterfaces)) unresolved.push(route);
      else {
        index.addStatic(route);
        progress = true;
      }
    }
    pending = unresolved;
  }
}

function resolves(route: StaticRoute, index: PrefixIndex, upInterfaces: Set<string>): boolean {
  const { address, interface: name } = route.nextHop;
  if (name !== undefined) return name.startsWith('Null') || upInterfaces.has(name);
  const via = index.longestMatch(ipToInt(address as string), PrefixIndex.key(route.network, route.length));
  return via !== undefined;
}

/** `ip route [vrf V] NETWORK MASK {NEXT-HOP | INTERFACE [NEXT-HOP]} [DISTANCE] [options]`. */
function parseStaticRoute(text: string): StaticRoute | undefined {
  if (!text.startsWith('ip route ')) return undefined;
  const tokens = text.split(' ');
  let i = 2;
  let vrf: string | undefined;
  if (tokens[i] === 'vrf') {
    vrf = tokens[i + 1];
    i += 2;
  }
  const [network = '', mask = ''] = [tokens[i], tokens[i + 1]];
  if (dottedQuad(network) === undefined || dottedQuad(mask) === undefined) return undefined;
  i += 2;
  const nextHop: NextHop = {};
  const name = canonicalInterfaceName(tokens[i] ?? '');
  if (name !== undefined) {
    nextHop.interface = name;
    i++;
  }
  if (dottedQuad(tokens[i] ?? '') !== undefined) nextHop.address = tokens[i++];
  if (nextHop.address === undefined && nextHop.interface === undefined) return undefined;
  const distance = NUMBER.test(tokens[i] ?? '') ? Number(tokens[i]) : 1;
  const length = lengthOfMask(mask);
  return { vrf, network: maskedNetwork(ipToInt(network), length), length, nextHop, distance };
}

/** `address` with its host bits cleared. */
export function maskedNetwork(address: number, length: number): number {
  return length === 0 ? 0 : (address & ((0xffffffff << (32 - length)) >>> 0)) >>> 0;
}

/** Installed routes by prefix, one map per prefix length: a longest match is 33 lookups at most. */
class PrefixIndex {
  private readonly byLength = Array.from({ length: 33 }, () => new Map<number, Route>());

  static key(network: number, length: number): string {
    return `${network}/${length}`;
  }

  /** A connected or local route; the first interface to claim a prefix keeps it. */
  add(route: Route): void {
    const routes = this.byLength[route.length] as Map<number, Route>;
    if (!routes.has(route.network)) routes.set(route.network, route);
  }

  /** The lowest distance wins a prefix; equal-distance statics share it as extra paths. */
  addStatic(route: StaticRoute): void {
    const routes = this.byLength[route.length] as Map<number, Route>;
    const existing = routes.get(route.network);
    if (existing === undefined || existing.distance > route.distance) {
      routes.set(route.network, { code: 'S', network: route.network, length: route.length, distance: route.distance, nextHops: [route.nextHop] });
    } else if (existing.code === 'S' && existing.distance === route.distance) existing.nextHops.push(route.nextHop);
  }

  longestMatch(address: number, excludedKey?: string): Route | undefined {
    for (let length = 32; length >= 0; length--) {
      const network = maskedNetwork(address, length);
      const route = this.byLength[length]?.get(network);
      if (route && PrefixIndex.key(network, length) !== excludedKey) return route;
    }
    return undefined;
  }

  sorted(): Route[] {
    return this.byLength.flatMap((routes) => [...routes.values()]).sort((a, b) => a.network - b.network || a.length - b.length);
  }
}
