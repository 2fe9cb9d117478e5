// Random edits of static routes, OSPF and BGP.

import { ASN, MGMT_VRF } from './gen-context.js';
import { routeMapsFor } from './generate-policy.js';
import { nextHops } from './generate-routing.js';
import { description, site, word } from './lab-entries.js';
import { maskOf } from './lab-net.js';
import type { BgpNeighbor, StaticRoute } from './model-types.js';
import { block, different, pickOr, removeWhere, touch, type Edit, type MutContext } from './mutate-context.js';
import { staticRouteLine } from './render-routing.js';

const routeAdd: Edit = (m) => {
  const hops = nextHops(m);
  const vrf = pickOr(m, [...hops.keys()]);
  if (vrf === undefined) return undefined;
  const mask = maskOf(m.rng.pick([24, 25, 26, 28, 32]));
  const route: StaticRoute = { prefix: `${block(m)}.0`, mask, nextHop: m.rng.pick(hops.get(vrf) as string[]) };
  if (vrf !== '') route.vrf = vrf;
  if (m.rng.chance(0.4)) route.name = `${site(m.rng)}-${word(m.rng).toUpperCase()}-NEW`;
  m.model.staticRoutes.push(route);
  return `static route added: ${staticRouteLine(route)}`;
};

const routeRemove: Edit = (m) => {
  const route = pickOr(m, m.model.staticRoutes.filter((r) => r.vrf !== MGMT_VRF));
  if (!route) return undefined;
  removeWhere(m.model.staticRoutes, (r) => r === route);
  return `static route removed: ${staticRouteLine(route)}`;
};

const routeNextHop: Edit = (m) => {
  const hops = nextHops(m);
  const route = pickOr(m, m.model.staticRoutes.filter((r) => r.nextHop !== 'Null0' && (hops.get(r.vrf ?? '')?.length ?? 0) > 1));
  const hop = route && different(route.nextHop, () => m.rng.pick(hops.get(route.vrf ?? '') as string[]));
  if (!route || hop === undefined) return undefined;
  const old = route.nextHop;
  route.nextHop = hop;
  return `static route ${route.prefix} ${route.mask}: next hop ${old} → ${hop}`;
};

const ospfNetworkAdd: Edit = (m) => {
  const ospf = m.model.ospf;
  if (!ospf) return undefined;
  const area = m.rng.pick([...new Set(ospf.networks.map((n) => n.area)), 0]);
  const network = { address: `${block(m)}.0`, wildcard: '0.0.0.255', area };
  ospf.networks.push(network);
  return `ospf: network ${network.address} ${network.wildcard} area ${area} added`;
};

const ospfNetworkRemove: Edit = (m) => {
  const ospf = m.model.ospf;
  const network = ospf && ospf.networks.length > 1 ? pickOr(m, ospf.networks.slice(1)) : undefined;
  if (!ospf || !network) return undefined;
  removeWhere(ospf.networks, (n) => n === network);
  return `ospf: network ${network.address} ${network.wildcard} area ${network.area} removed`;
};

const passiveAdd: Edit = (m) => {
  const ospf = m.model.ospf;
  if (!ospf) return undefined;
  const passive = new Set(ospf.passiveInterfaces);
  const intf = pickOr(m, m.model.interfaces.filter((i) => i.ip !== undefined && i.vrf === undefined && !passive.has(i.name)));
  if (!intf || !touch(m, `passive ${intf.name}`)) return undefined;
  ospf.passiveInterfaces.push(intf.name);
  return `ospf: passive-interface ${intf.name} added`;
};

const passiveRemove: Edit = (m) => {
  const ospf = m.model.ospf;
  const name = ospf && pickOr(m, ospf.passiveInterfaces);
  if (!ospf || name === undefined || !touch(m, `passive ${name}`)) return undefined;
  removeWhere(ospf.passiveInterfaces, (n) => n === name);
  return `ospf: passive-interface ${name} removed`;
};

function ebgp(m: MutContext): BgpNeighbor[] {
  return (m.model.bgp?.neighbors ?? []).filter((n) => n.remoteAs !== ASN);
}

const neighborAdd: Edit = (m) => {
  const bgp = m.model.bgp;
  if (!bgp) return undefined;
  const ibgp = m.rng.chance(0.2);
  const n: BgpNeighbor = { address: `${block(m)}.2`, remoteAs: ibgp ? ASN : m.rng.int(64512, 65534), description: description(m.rng) };
  if (n.remoteAs === ASN && !ibgp) n.remoteAs = ASN + 1;
  if (ibgp) n.updateSource = 'Loopback0';
  const mapsIn = routeMapsFor(m.model.routeMaps, 'in');
  const mapsOut = routeMapsFor(m.model.routeMaps, 'out');
  if (mapsIn.length > 0 && m.rng.chance(0.6)) n.routeMapIn = m.rng.pick(mapsIn);
  if (mapsOut.length > 0 && m.rng.chance(0.4)) n.routeMapOut = m.rng.pick(mapsOut);
  bgp.neighbors.push(n);
  return `bgp: neighbor ${n.address} remote-as ${n.remoteAs} added`;
};

const neighborRemove: Edit = (m) => {
  const bgp = m.model.bgp;
  const n = bgp && pickOr(m, bgp.neighbors);
  if (!bgp || !n) return undefined;
  removeWhere(bgp.neighbors, (x) => x === n);
  return `bgp: neighbor ${n.address} removed`;
};

const remoteAsChange: Edit = (m) => {
  const n = pickOr(m, ebgp(m));
  const as = n && different(n.remoteAs, () => m.rng.int(64512, 65534));
  if (!n || as === undefined || as === ASN) return undefined;
  n.remoteAs = as;
  return `bgp: neighbor ${n.address} remote-as changed to ${as}`;
};

const neighborDescription: Edit = (m) => {
  const n = pickOr(m, m.model.bgp?.neighbors ?? []);
  const text = n && different(n.description, () => `AS${n.remoteAs} ${description(m.rng)}`);
  if (!n || text === undefined) return undefined;
  n.description = text;
  return `bgp: neighbor ${n.address} description "${text}"`;
};

const neighborRouteMap: Edit = (m) => {
  const n = pickOr(m, ebgp(m));
  if (!n) return undefined;
  const dir = m.rng.chance(0.5) ? 'in' : 'out';
  const key = dir === 'in' ? 'routeMapIn' : 'routeMapOut';
  if (n[key] !== undefined && m.rng.chance(0.3)) {
    delete n[key];
    return `bgp: neighbor ${n.address} route-map ${dir} removed`;
  }
  const maps = routeMapsFor(m.model.routeMaps, dir);
  const map = different(n[key], () => pickOr(m, maps));
  if (map === undefined) return undefined;
  n[key] = map;
  return `bgp: neighbor ${n.address} route-map ${map} ${dir}`;
};

export const routingEdits: Record<string, Edit> = {
  routeAdd, routeRemove, routeNextHop, ospfNetworkAdd, ospfNetworkRemove, passiveAdd, passiveRemove,
  neighborAdd, neighborRemove, remoteAsChange, neighborDescription, neighborRouteMap,
};
