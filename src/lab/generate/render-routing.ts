// Routing and policy sections as IOS prints them: VRFs, OSPF, BGP, static routes, ACLs,
// prefix-lists, route-maps.

import { ipToInt } from './lab-net.js';
import type { Block, DocNode } from './render-doc.js';
import { leaf, section } from './render-doc.js';
import type { DeviceModel, StaticRoute, Vrf } from './model-types.js';

export function vrfBlocks(vrfs: readonly Vrf[]): Block[] {
  return vrfs.map((vrf) => [
    section(`vrf definition ${vrf.name}`, [
      leaf(`rd ${vrf.rd}`),
      ...vrf.routeTargets.map((rt) => leaf(`route-target ${rt}`)),
      { text: 'address-family ipv4', bang: true, children: [], close: 'exit-address-family' },
    ]),
  ]);
}

export function ospfBlock(model: DeviceModel): Block {
  const ospf = model.ospf;
  if (!ospf) return [];
  return [
    section(`router ospf ${ospf.processId}`, [
      leaf(`router-id ${ospf.routerId}`),
      ...ospf.passiveInterfaces.map((name) => leaf(`passive-interface ${name}`)),
      ...ospf.networks.map((n) => leaf(`network ${n.address} ${n.wildcard} area ${n.area}`)),
    ]),
  ];
}

const byAddress = (a: string, b: string): number => ipToInt(a) - ipToInt(b);

export function bgpBlock(model: DeviceModel): Block {
  const bgp = model.bgp;
  if (!bgp) return [];
  // IOS lists neighbours by address, their settings grouped under each one.
  const neighbors = [...bgp.neighbors].sort((a, b) => byAddress(a.address, b.address));
  const top: DocNode[] = [leaf(`bgp router-id ${bgp.routerId}`), leaf('bgp log-neighbor-changes')];
  const af: DocNode[] = [];
  for (const n of neighbors) {
    top.push(leaf(`neighbor ${n.address} remote-as ${n.remoteAs}`));
    if (n.description !== undefined) top.push(leaf(`neighbor ${n.address} description ${n.description}`));
    if (n.updateSource !== undefined) top.push(leaf(`neighbor ${n.address} update-source ${n.updateSource}`));
  }
  const networks = [...bgp.networks].sort((a, b) => byAddress(a.address, b.address));
  for (const net of networks) af.push(leaf(`network ${net.address} mask ${net.mask}`));
  for (const n of neighbors) {
    af.push(leaf(`neighbor ${n.address} activate`));
    if (n.routeMapIn !== undefined) af.push(leaf(`neighbor ${n.address} route-map ${n.routeMapIn} in`));
    if (n.routeMapOut !== undefined) af.push(leaf(`neighbor ${n.address} route-map ${n.routeMapOut} out`));
  }
  top.push({ text: 'address-family ipv4', bang: true, children: af, close: 'exit-address-family' });
  return [section(`router bgp ${bgp.asn}`, top)];
}

interface RouteKey {
  route: StaticRoute;
  vrf: string;
  prefix: number;
  mask: number;
}

function compareRoutes(a: RouteKey, b: RouteKey): number {
  if (a.vrf !== b.vrf) return a.vrf < b.vrf ? -1 : 1;
  const x = a.route.nextHop;
  const y = b.route.nextHop;
  return a.prefix - b.prefix || a.mask - b.mask || (x < y ? -1 : x > y ? 1 : 0);
}

/** IOS prints static routes sorted: global ones first, then by VRF, destination and mask. */
function sortRoutes(routes: readonly StaticRoute[]): StaticRoute[] {
  const keys = routes.map((route) => ({ route, vrf: route.vrf ?? '', prefix: ipToInt(route.prefix), mask: ipToInt(route.mask) }));
  return keys.sort(compareRoutes).map((k) => k.route);
}

export function staticRouteLine(r: StaticRoute): string {
  const vrf = r.vrf === undefined ? '' : `vrf ${r.vrf} `;
  const name = r.name === undefined ? '' : ` name ${r.name}`;
  return `ip route ${vrf}${r.prefix} ${r.mask} ${r.nextHop}${name}`;
}

/** The `ip forward-protocol` … `ip route` stretch of show run. */
export function forwardingBlocks(model: DeviceModel): Block[] {
  const routes = sortRoutes(model.staticRoutes);
  return [
    [leaf('ip forward-protocol nd'), leaf('ip bgp-community new-format')],
    [leaf('no ip http server'), leaf('no ip http secure-server'), ...routes.map((r) => leaf(staticRouteLine(r))), leaf('ip ssh version 2')],
  ];
}

/** IOS pads `deny` to the width of `permit` in ACL entries. */
export function aclEntryText(entry: string): string {
  return entry.startsWith('deny ') ? `deny   ${entry.slice(5)}` : entry;
}

export function namedAclBlock(model: DeviceModel): Block {
  return model.namedAcls.map((acl) => section(`ip access-list ${acl.type} ${acl.name}`, acl.entries.map((e) => leaf(aclEntryText(e)))));
}

export function prefixListBlocks(model: DeviceModel): Block[] {
  return model.prefixLists.map((list) =>
    [...list.entries]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => {
        const ge = e.ge === undefined ? '' : ` ge ${e.ge}`;
        const le = e.le === undefined ? '' : ` le ${e.le}`;
        return leaf(`ip prefix-list ${list.name} seq ${e.seq} ${e.action} ${e.prefix}${ge}${le}`);
      }),
  );
}

/** `logging host` lines, then the numbered ACLs (IOS prints them together). */
export function loggingAndNumberedBlock(model: DeviceModel): Block {
  const nodes = model.loggingHosts.map((host) => leaf(`logging host ${host}`));
  const acls = [...model.numberedAcls].sort((a, b) => a.number - b.number);
  for (const acl of acls) for (const e of acl.entries) nodes.push(leaf(`access-list ${acl.number} ${aclEntryText(e)}`));
  return nodes;
}

export function routeMapBlocks(model: DeviceModel): Block[] {
  const blocks: Block[] = [];
  for (const map of model.routeMaps) {
    for (const e of [...map.entries].sort((a, b) => a.seq - b.seq)) {
      const c: DocNode[] = [];
      if (e.matchPrefixList !== undefined) c.push(leaf(`match ip address prefix-list ${e.matchPrefixList}`));
      if (e.setMetric !== undefined) c.push(leaf(`set metric ${e.setMetric}`));
      if (e.setLocalPreference !== undefined) c.push(leaf(`set local-preference ${e.setLocalPreference}`));
      if (e.setCommunity !== undefined) c.push(leaf(`set community ${e.setCommunity}`));
      blocks.push([section(`route-map ${map.name} ${e.action} ${e.seq}`, c)]);
    }
  }
  return blocks;
}
