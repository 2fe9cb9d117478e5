// Generator: OSPF, BGP and static routes.

import { ASN, MGMT_VRF, ROUTER_ID, scaled, type GenContext } from './gen-context.js';
import { peerOf } from './generate-interfaces.js';
import { routeMapsFor } from './generate-policy.js';
import { description, site, word } from './lab-entries.js';
import { intToIp, lengthOfMask, maskOf, networkOf, wildcardOf } from './lab-net.js';
import type { BgpNeighbor, StaticRoute } from './model-types.js';

export function generateOspf(ctx: GenContext): void {
  const { rng, model } = ctx;
  const global = model.interfaces.filter((i) => i.ip !== undefined && i.vrf === undefined);
  const max = scaled(ctx, 0.02, 1, 4);
  const networks = [{ address: ROUTER_ID, wildcard: '0.0.0.0', area: 0 }];
  const passive = ['Loopback0'];
  for (const intf of global) {
    if (networks.length >= max || !intf.ip || intf.name === 'Loopback0') continue;
    const len = lengthOfMask(intf.ip.mask);
    const core = intf.kind === 'port-channel' || intf.name === 'GigabitEthernet0/0/1';
    if (!core && !rng.chance(intf.kind === 'svi' ? 0.6 : 0.2)) continue;
    const area = core ? 0 : intf.kind === 'svi' ? 1 : 10;
    networks.push({ address: networkOf(intf.ip.address, len), wildcard: wildcardOf(len), area });
    if (intf.kind === 'svi' && rng.chance(0.5)) passive.push(intf.name);
  }
  model.ospf = { processId: 1, routerId: ROUTER_ID, passiveInterfaces: passive, networks };
}

export function generateBgp(ctx: GenContext): void {
  const { rng, model } = ctx;
  const neighbors: BgpNeighbor[] = [];
  for (const n of [2, 3]) {
    neighbors.push({ address: `10.255.0.${n}`, remoteAs: ASN, description: `iBGP ${site(rng).toLowerCase()}-rr-${n - 1}`, updateSource: 'Loopback0' });
  }
  const mapsIn = routeMapsFor(model.routeMaps, 'in');
  const mapsOut = routeMapsFor(model.routeMaps, 'out');
  const count = scaled(ctx, 0.06, 5, 1);
  for (let i = 0; i < count; i++) {
    const remoteAs = rng.int(64512, 65534);
    const n: BgpNeighbor = { address: intToIp(ctx.peers.next(30) + 2), remoteAs: remoteAs === ASN ? ASN + 1 : remoteAs };
    if (rng.chance(0.9)) n.description = rng.chance(0.5) ? `AS${n.remoteAs} ${site(rng)} ${word(rng)}` : description(rng);
    if (mapsIn.length > 0 && rng.chance(0.8)) n.routeMapIn = rng.pick(mapsIn);
    if (mapsOut.length > 0 && rng.chance(0.6)) n.routeMapOut = rng.pick(mapsOut);
    neighbors.push(n);
  }
  const networks = [{ address: ROUTER_ID, mask: '255.255.255.255' }];
  const lans = model.interfaces.filter((i) => i.kind === 'svi' && i.vrf === undefined && i.ip);
  const max = 3 + Math.round(ctx.target / 2000);
  for (const svi of lans.slice(0, max)) {
    if (svi.ip) networks.push({ address: networkOf(svi.ip.address, 24), mask: maskOf(24) });
  }
  model.bgp = { asn: ASN, routerId: ROUTER_ID, neighbors, networks };
}

/** Next hops per VRF ('' = global): the far end of the model's point-to-point links. */
export function nextHops(ctx: Pick<GenContext, 'model'>): Map<string, string[]> {
  const hops = new Map<string, string[]>();
  for (const intf of ctx.model.interfaces) {
    const peer = peerOf(intf);
    if (peer === undefined || intf.vrf === MGMT_VRF) continue;
    const key = intf.vrf ?? '';
    const list = hops.get(key) ?? [];
    list.push(peer);
    hops.set(key, list);
  }
  return hops;
}

export function generateStaticRoutes(ctx: GenContext, count: number): void {
  const { model } = ctx;
  const uplink = model.interfaces.find((i) => i.name === 'GigabitEthernet0/0/1');
  const gateway = uplink ? peerOf(uplink) : undefined;
  if (gateway !== undefined) model.staticRoutes.push({ prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: gateway });
  model.staticRoutes.push({ vrf: MGMT_VRF, prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '10.99.0.1', name: 'OOB-DEFAULT' });
  addStaticRoutes(ctx, count);
}

/** `count` more routes (one line each) to fresh destinations. */
export function addStaticRoutes(ctx: GenContext, count: number): void {
  const { rng, model } = ctx;
  const hops = nextHops(ctx);
  const vrfs = [...hops.keys()];
  if (vrfs.length === 0) return;
  for (let i = 0; i < count; i++) {
    const len = rng.pick([24, 24, 25, 26, 27, 28, 29, 30, 32, 32, 32]);
    const route: StaticRoute = { prefix: intToIp(ctx.routes.next(len)), mask: maskOf(len), nextHop: '' };
    if (rng.chance(0.05)) {
      route.nextHop = 'Null0';
      route.name = 'DISCARD';
    } else {
      const vrf = rng.chance(0.7) && hops.has('') ? '' : rng.pick(vrfs);
      if (vrf !== '') route.vrf = vrf;
      route.nextHop = rng.pick(hops.get(vrf) as string[]);
      if (rng.chance(0.3)) route.name = `${site(rng)}-${word(rng).toUpperCase()}-${rng.int(1, 999)}`;
    }
    model.staticRoutes.push(route);
  }
}
