// Consistency of a device model: every reference names something that exists, nothing is
// defined twice, addresses do not overlap. A config that passes is one IOS accepts as a whole.

import { ipToInt, lengthOfMask } from './lab-net.js';
import type { DeviceModel } from './model-types.js';

/** Human-readable problems; empty when the model is consistent. */
export function findModelProblems(model: DeviceModel): string[] {
  const problems: string[] = [];
  const report = (what: string): void => {
    problems.push(what);
  };
  const named = new Map(model.namedAcls.map((a) => [a.name, a]));
  const numbered = new Set(model.numberedAcls.map((a) => a.number));
  const vrfs = new Set(model.vrfs.map((v) => v.name));
  const vlans = new Set(model.vlans.map((v) => v.id));
  const interfaces = new Set(model.interfaces.map((i) => i.name));
  const prefixLists = new Set(model.prefixLists.map((l) => l.name));
  const routeMaps = new Set(model.routeMaps.map((r) => r.name));

  duplicates(model.interfaces.map((i) => i.name), 'interface', report);
  duplicates(model.namedAcls.map((a) => a.name), 'named ACL', report);
  duplicates(model.numberedAcls.map((a) => String(a.number)), 'numbered ACL', report);
  duplicates(model.vlans.map((v) => String(v.id)), 'vlan', report);
  duplicates(model.prefixLists.map((l) => l.name), 'prefix-list', report);
  duplicates(model.routeMaps.map((r) => r.name), 'route-map', report);
  duplicates(model.usernames.map((u) => u.name), 'username', report);
  duplicates(model.bgp?.neighbors.map((n) => n.address) ?? [], 'bgp neighbor', report);
  for (const acl of [...model.namedAcls, ...model.numberedAcls]) {
    const label = 'name' in acl ? acl.name : String(acl.number);
    if (acl.entries.length === 0) report(`ACL ${label} has no entries`);
    duplicates(acl.entries, `entry of ACL ${label}`, report);
  }
  for (const acl of model.numberedAcls) if (acl.number < 1 || acl.number > 199) report(`ACL number ${acl.number} out of range`);
  for (const list of model.prefixLists) {
    if (list.entries.length === 0) report(`prefix-list ${list.name} is empty`);
    duplicates(list.entries.map((e) => String(e.seq)), `seq of prefix-list ${list.name}`, report);
  }
  for (const map of model.routeMaps) {
    if (map.entries.length === 0) report(`route-map ${map.name} is empty`);
    duplicates(map.entries.map((e) => String(e.seq)), `seq of route-map ${map.name}`, report);
    for (const e of map.entries) {
      if (e.matchPrefixList !== undefined && !prefixLists.has(e.matchPrefixList)) report(`route-map ${map.name} ${e.seq} matches missing prefix-list ${e.matchPrefixList}`);
    }
  }

  const subnets: { vrf: string; start: number; end: number; name: string }[] = [];
  for (const i of model.interfaces) {
    for (const acl of [i.accessGroupIn, i.accessGroupOut]) if (acl !== undefined && !named.has(acl)) report(`${i.name}: access-group ${acl} does not exist`);
    if (i.vrf !== undefined && !vrfs.has(i.vrf)) report(`${i.name}: vrf ${i.vrf} is not defined`);
    if (i.channelGroup !== undefined && !interfaces.has(`Port-channel${i.channelGroup}`)) report(`${i.name}: Port-channel${i.channelGroup} does not exist`);
    if (i.kind === 'svi' && !vlans.has(Number(i.name.slice(4)))) report(`${i.name}: vlan is not defined`);
    const sp = i.switchport;
    if (sp?.mode === 'access' && !vlans.has(sp.accessVlan)) report(`${i.name}: access vlan ${sp.accessVlan} is not defined`);
    if (sp?.mode === 'trunk') {
      if (sp.allowedVlans.length === 0) report(`${i.name}: empty trunk`);
      for (const v of sp.allowedVlans) if (!vlans.has(v)) report(`${i.name}: trunk vlan ${v} is not defined`);
    }
    if (i.kind === 'subinterface') {
      const parent = i.name.slice(0, i.name.lastIndexOf('.'));
      if (!interfaces.has(parent)) report(`${i.name}: parent ${parent} does not exist`);
      if (i.dot1q === undefined) report(`${i.name}: no encapsulation`);
    }
    if (i.secondaries.length > 0 && !i.ip) report(`${i.name}: secondary addresses without a primary`);
    for (const a of [...(i.ip ? [i.ip] : []), ...i.secondaries]) {
      const len = lengthOfMask(a.mask);
      const start = len === 0 ? 0 : ipToInt(a.address) - (ipToInt(a.address) % 2 ** (32 - len));
      subnets.push({ vrf: i.vrf ?? '', start, end: start + 2 ** (32 - len) - 1, name: i.name });
    }
  }
  subnets.sort((a, b) => (a.vrf < b.vrf ? -1 : a.vrf > b.vrf ? 1 : a.start - b.start));
  for (let k = 1; k < subnets.length; k++) {
    const [a, b] = [subnets[k - 1], subnets[k]];
    if (a && b && a.vrf === b.vrf && b.start <= a.end) report(`${b.name} overlaps ${a.name}`);
  }
  const subIds = model.interfaces.filter((i) => i.kind === 'subinterface').map((i) => `${i.name.slice(0, i.name.lastIndexOf('.'))} ${i.dot1q}`);
  duplicates(subIds, 'dot1Q id on a parent', report);

  for (const name of model.ospf?.passiveInterfaces ?? []) if (!interfaces.has(name)) report(`ospf passive-interface ${name} does not exist`);
  for (const n of model.bgp?.neighbors ?? []) {
    if (n.updateSource !== undefined && !interfaces.has(n.updateSource)) report(`bgp ${n.address}: update-source ${n.updateSource} does not exist`);
    for (const map of [n.routeMapIn, n.routeMapOut]) if (map !== undefined && !routeMaps.has(map)) report(`bgp ${n.address}: route-map ${map} does not exist`);
  }
  for (const r of model.staticRoutes) if (r.vrf !== undefined && !vrfs.has(r.vrf)) report(`route ${r.prefix}: vrf ${r.vrf} is not defined`);
  for (const vty of model.vty) {
    const acl = vty.accessClass === undefined ? undefined : named.get(vty.accessClass);
    if (vty.accessClass !== undefined && acl?.type !== 'standard') report(`line vty ${vty.first}: access-class ${vty.accessClass} is not a standard ACL`);
  }
  for (const c of model.snmp.communities) if (c.acl !== undefined && !numbered.has(c.acl)) report(`snmp community ${c.name}: ACL ${c.acl} does not exist`);
  return problems;
}

function duplicates(values: readonly string[], what: string, report: (what: string) => void): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) report(`duplicate ${what}: ${v}`);
    seen.add(v);
  }
}
