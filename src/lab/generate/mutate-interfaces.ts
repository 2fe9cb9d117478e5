// Random edits of interfaces and VLANs.

import { MGMT_VRF } from './gen-context.js';
import { customerVrfs, newInterface } from './generate-interfaces.js';
import { description, word } from './lab-entries.js';
import type { Interface } from './model-types.js';
import { block, different, pickOr, removeWhere, touch, type Edit, type MutContext } from './mutate-context.js';
import { isDefaultState, isHardware, resetToDefault } from './render-interfaces.js';

/** Interfaces an edit may touch: not the management port, not Loopback0 (router-id, BGP source). */
function editable(m: MutContext, pred: (i: Interface) => boolean): Interface | undefined {
  return pickOr(m, m.model.interfaces.filter((i) => i.vrf !== MGMT_VRF && i.name !== 'Loopback0' && pred(i)));
}

const layer3 = (i: Interface): boolean => i.kind !== 'switchport' && i.channelGroup === undefined && !isDefaultState(i);

const descChange: Edit = (m) => {
  const intf = editable(m, (i) => i.description !== undefined);
  const text = intf && different(intf.description, () => description(m.rng));
  if (!intf || text === undefined) return undefined;
  intf.description = text;
  return `${intf.name}: description changed to "${text}"`;
};

const descRemove: Edit = (m) => {
  const intf = editable(m, (i) => i.description !== undefined);
  if (!intf) return undefined;
  delete intf.description;
  return `${intf.name}: description removed`;
};

const descAdd: Edit = (m) => {
  const intf = editable(m, (i) => i.description === undefined);
  if (!intf) return undefined;
  intf.description = description(m.rng);
  return `${intf.name}: description "${intf.description}" added`;
};

/** A host address in a fresh block with the mask of `like` (the first host of the block). */
function freshAddress(m: MutContext, mask: string): { address: string; mask: string } {
  return { address: `${block(m)}.1`, mask };
}

const ipChange: Edit = (m) => {
  const intf = editable(m, (i) => i.ip !== undefined);
  if (!intf?.ip) return undefined;
  intf.ip = freshAddress(m, intf.ip.mask);
  return `${intf.name}: primary address changed to ${intf.ip.address} ${intf.ip.mask}`;
};

const secondaryAdd: Edit = (m) => {
  const intf = editable(m, (i) => i.ip !== undefined && i.kind !== 'loopback');
  if (!intf) return undefined;
  const sec = freshAddress(m, '255.255.255.0');
  intf.secondaries.push(sec);
  return `${intf.name}: secondary address ${sec.address} added`;
};

const secondaryRemove: Edit = (m) => {
  const intf = editable(m, (i) => i.secondaries.length > 0);
  if (!intf) return undefined;
  const [sec] = intf.secondaries.splice(m.rng.int(0, intf.secondaries.length - 1), 1);
  return `${intf.name}: secondary address ${sec?.address} removed`;
};

const shutdownToggle: Edit = (m) => {
  const intf = editable(m, (i) => !m.touched.has(`shutdown ${i.name}`));
  if (!intf || !touch(m, `shutdown ${intf.name}`)) return undefined;
  intf.shutdown = !intf.shutdown;
  return `${intf.name}: ${intf.shutdown ? 'shut down' : 'enabled (no shutdown)'}`;
};

const loopbackAdd: Edit = (m) => {
  let n = 1;
  while (m.model.interfaces.some((i) => i.name === `Loopback${n}`)) n++;
  const lo: Interface = { ...newInterface(`Loopback${n}`, 'loopback'), ip: { address: `${block(m)}.1`, mask: '255.255.255.255' } };
  if (m.rng.chance(0.7)) lo.description = `${word(m.rng)} service ${n}`;
  m.model.interfaces.push(lo);
  return `Loopback${n} added (${lo.ip?.address}/32)`;
};

const subinterfaceAdd: Edit = (m) => {
  const parent = editable(m, (i) => i.kind === 'routed' && i.ip === undefined && i.channelGroup === undefined && !isDefaultState(i));
  if (!parent) return undefined;
  const taken = new Set(m.model.interfaces.filter((i) => i.name.startsWith(`${parent.name}.`)).map((i) => i.dot1q));
  let id = m.rng.int(2, 4094);
  while (taken.has(id)) id = m.rng.int(2, 4094);
  const sub: Interface = { ...newInterface(`${parent.name}.${id}`, 'subinterface'), dot1q: id, description: description(m.rng) };
  const vrfs = customerVrfs(m);
  if (vrfs.length > 0 && m.rng.chance(0.5)) sub.vrf = m.rng.pick(vrfs);
  sub.ip = freshAddress(m, '255.255.255.252');
  m.model.interfaces.push(sub);
  return `${sub.name} added (dot1Q ${id}${sub.vrf ? `, vrf ${sub.vrf}` : ''})`;
};

/** Drops every reference to an interface that is going away. */
function dropReferences(m: MutContext, intf: Interface): void {
  if (m.model.ospf) removeWhere(m.model.ospf.passiveInterfaces, (name) => name === intf.name);
  for (const n of m.model.bgp?.neighbors ?? []) if (n.updateSource === intf.name) delete n.updateSource;
  if (intf.kind === 'port-channel') {
    const group = Number(intf.name.slice('Port-channel'.length));
    for (const member of m.model.interfaces) if (member.channelGroup === group) delete member.channelGroup;
  }
}

const logicalRemove: Edit = (m) => {
  const intf = editable(m, (i) => !isHardware(i));
  if (!intf) return undefined;
  dropReferences(m, intf);
  removeWhere(m.model.interfaces, (i) => i === intf);
  return `${intf.name} removed`;
};

const physicalReset: Edit = (m) => {
  const intf = editable(m, (i) => isHardware(i) && !isDefaultState(i) && !m.model.interfaces.some((s) => s.name.startsWith(`${i.name}.`)));
  if (!intf) return undefined;
  m.model.interfaces[m.model.interfaces.indexOf(intf)] = resetToDefault(intf);
  return `${intf.name}: all configuration removed (absent from intent)`;
};

const accessVlanChange: Edit = (m) => {
  const intf = editable(m, (i) => i.switchport?.mode === 'access');
  if (intf?.switchport?.mode !== 'access' || m.model.vlans.length < 2) return undefined;
  const current = intf.switchport.accessVlan;
  const vlan = different(current, () => m.rng.pick(m.model.vlans).id);
  if (vlan === undefined) return undefined;
  intf.switchport.accessVlan = vlan;
  return `${intf.name}: access vlan ${current} → ${vlan}`;
};

const trunkVlansChange: Edit = (m) => {
  const intf = editable(m, (i) => i.switchport?.mode === 'trunk');
  if (intf?.switchport?.mode !== 'trunk' || m.model.vlans.length === 0) return undefined;
  const allowed = new Set(intf.switchport.allowedVlans);
  for (let k = m.rng.int(1, 4); k > 0; k--) {
    const v = m.rng.pick(m.model.vlans).id;
    if (allowed.has(v) && allowed.size > 1) allowed.delete(v);
    else allowed.add(v);
  }
  const next = [...allowed].sort((a, b) => a - b);
  if (next.join() === [...intf.switchport.allowedVlans].sort((a, b) => a - b).join()) return undefined;
  intf.switchport.allowedVlans = next;
  return `${intf.name}: trunk allowed vlans now ${next.join(',')}`;
};

const vrfChange: Edit = (m) => {
  const intf = editable(m, (i) => i.ip !== undefined && (i.kind === 'subinterface' || i.kind === 'svi' || i.kind === 'loopback'));
  if (!intf) return undefined;
  const targets = [...customerVrfs(m), undefined].filter((v) => v !== intf.vrf);
  const vrf = pickOr(m, targets);
  if (vrf === undefined) delete intf.vrf;
  else intf.vrf = vrf;
  return `${intf.name}: moved to ${vrf === undefined ? 'the global table' : `vrf ${vrf}`} (same address)`;
};

const accessGroupChange: Edit = (m) => {
  const acls = m.model.namedAcls.filter((a) => a.type === 'extended').map((a) => a.name);
  const intf = editable(m, (i) => layer3(i) && i.kind !== 'loopback' && i.ip !== undefined);
  const acl = intf && different(intf.accessGroupIn, () => pickOr(m, acls));
  if (!intf || acl === undefined) return undefined;
  intf.accessGroupIn = acl;
  return `${intf.name}: inbound ACL ${acl}`;
};

const vlanAdd: Edit = (m) => {
  const ids = new Set(m.model.vlans.map((v) => v.id));
  let id = m.rng.int(2, 4094);
  while (ids.has(id) || (id >= 1002 && id <= 1005)) id = m.rng.int(2, 4094);
  const name = `${word(m.rng).toUpperCase()}-${id}`;
  m.model.vlans.push({ id, name });
  return `vlan ${id} (${name}) added`;
};

function vlanInUse(m: MutContext, id: number): boolean {
  return m.model.interfaces.some(
    (i) =>
      i.name === `Vlan${id}` ||
      (i.switchport?.mode === 'access' && i.switchport.accessVlan === id) ||
      (i.switchport?.mode === 'trunk' && i.switchport.allowedVlans.includes(id)),
  );
}

const vlanRemove: Edit = (m) => {
  const vlan = pickOr(m, m.model.vlans.filter((v) => !vlanInUse(m, v.id)));
  if (!vlan) return undefined;
  removeWhere(m.model.vlans, (v) => v === vlan);
  return `vlan ${vlan.id} removed`;
};

const vlanRename: Edit = (m) => {
  const vlan = pickOr(m, m.model.vlans);
  const name = vlan && different(vlan.name, () => `${word(m.rng).toUpperCase()}-${m.rng.pick(['A', 'B', 'NEW', String(vlan.id)])}`);
  if (!vlan || name === undefined) return undefined;
  vlan.name = name;
  return `vlan ${vlan.id} renamed to ${name}`;
};

export const interfaceEdits: Record<string, Edit> = {
  descChange, descRemove, descAdd, ipChange, secondaryAdd, secondaryRemove, shutdownToggle, loopbackAdd,
  subinterfaceAdd, logicalRemove, physicalReset, accessVlanChange, trunkVlansChange, vrfChange, accessGroupChange,
  vlanAdd, vlanRemove, vlanRename,
};
