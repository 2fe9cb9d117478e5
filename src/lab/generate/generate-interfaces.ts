// Generator: VRFs, VLANs and interfaces of an ISR/ASR-style router with a switch module.
// Sub-interfaces carry most of the size of large configs.

import { ASN, MGMT_VRF, ROUTER_ID, scaled, type GenContext } from './gen-context.js';
import { description, word } from './lab-entries.js';
import { hostIn, intToIp, ipToInt } from './lab-net.js';
import type { Interface, InterfaceKind } from './model-types.js';

export function vrfName(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return `CUST-${letter}${index >= 26 ? Math.floor(index / 26) : ''}`;
}

export function generateVrfs(ctx: GenContext): void {
  const { model } = ctx;
  model.vrfs.push({ name: MGMT_VRF, rd: `${ASN}:99`, routeTargets: [] });
  const count = scaled(ctx, 1 / 800, 1, 1, 60);
  for (let i = 0; i < count; i++) {
    const rt = `${ASN}:${101 + i}`;
    model.vrfs.push({ name: vrfName(i), rd: rt, routeTargets: [`export ${rt}`, `import ${rt}`] });
  }
}

export function generateVlans(ctx: GenContext): void {
  const { rng, model } = ctx;
  const count = scaled(ctx, 0.05, 3, 2, 3500);
  const candidates: number[] = [];
  const [low, high] = count <= 800 ? [10, 999] : [2, 4094];
  for (let id = low; id <= high; id++) if (id < 1002 || id > 1005) candidates.push(id);
  const ids = rng.shuffle(candidates).slice(0, count).sort((a, b) => a - b);
  for (const id of ids) model.vlans.push({ id, name: `${word(rng).toUpperCase()}-${id}` });
}

export function newInterface(name: string, kind: InterfaceKind): Interface {
  return { name, kind, secondaries: [], shutdown: false };
}

/** Only the customer VRFs (not the management one). */
export function customerVrfs(ctx: { model: GenContext['model'] }): string[] {
  return ctx.model.vrfs.filter((v) => v.name !== MGMT_VRF).map((v) => v.name);
}

export function generateInterfaces(ctx: GenContext): void {
  const { rng, model } = ctx;
  const add = (intf: Interface): Interface => {
    model.interfaces.push(intf);
    return intf;
  };
  const filters = model.namedAcls.filter((a) => a.type === 'extended' && a.name !== 'EDGE-IN').map((a) => a.name);
  const vrfs = customerVrfs(ctx);

  add({ ...newInterface('Loopback0', 'loopback'), description: 'router-id and iBGP source', ip: { address: ROUTER_ID, mask: '255.255.255.255' } });
  const loopbacks = scaled(ctx, 0.0015, 4, 0, 200);
  for (let k = 1; k <= loopbacks; k++) {
    const lo = add({ ...newInterface(`Loopback${k}`, 'loopback'), ip: hostIn(ctx.loopbacks.next(32), 32, 0) });
    if (rng.chance(0.6)) lo.description = `${word(rng)} anycast ${k}`;
    if (rng.chance(0.2)) lo.vrf = rng.pick(vrfs);
  }

  add({ ...newInterface('Port-channel1', 'port-channel'), description: 'core bundle', ip: hostIn(ctx.links.next(30), 30), ospfCost: 20 });
  add({
    ...newInterface('GigabitEthernet0/0/0', 'routed'),
    description: 'OOB management',
    vrf: MGMT_VRF,
    ip: { address: `10.99.0.${rng.int(10, 250)}`, mask: '255.255.255.0' },
  });
  add({
    ...newInterface('GigabitEthernet0/0/1', 'routed'),
    description: description(rng),
    ip: hostIn(ctx.links.next(30), 30),
    accessGroupIn: 'EDGE-IN',
    ospfCost: 10,
  });
  for (const port of [2, 3]) add({ ...newInterface(`GigabitEthernet0/0/${port}`, 'routed'), description: `Po1 member ${port - 1}`, channelGroup: 1 });
  if (ctx.target >= 600) for (const port of [0, 1]) add({ ...newInterface(`GigabitEthernet0/3/${port}`, 'routed'), description: 'spare', shutdown: true });

  generateSubinterfaces(ctx, add, filters, vrfs);
  generateSwitchports(ctx, add);
  generateSvis(ctx, add, filters);
}

function generateSubinterfaces(ctx: GenContext, add: (i: Interface) => Interface, filters: string[], vrfs: string[]): void {
  const { rng } = ctx;
  const total = scaled(ctx, 0.3, 6.2, 1);
  const parents = Math.min(4, Math.ceil(total / 3500));
  for (let p = 0; p < parents; p++) {
    const parent = `TenGigabitEthernet0/1/${p}`;
    add({ ...newInterface(parent, 'routed'), description: `customer aggregation ${p + 1}` });
    const count = Math.min(4000, Math.ceil(total / parents));
    const ids: number[] = [];
    for (let id = 2; id <= 4094; id++) ids.push(id);
    for (const id of rng.shuffle(ids).slice(0, count).sort((a, b) => a - b)) {
      const sub = add({ ...newInterface(`${parent}.${id}`, 'subinterface'), dot1q: id });
      if (rng.chance(0.9)) sub.description = description(rng);
      if (rng.chance(0.6)) sub.vrf = rng.pick(vrfs);
      const len = rng.chance(0.8) ? 30 : 29;
      sub.ip = hostIn(ctx.links.next(len), len);
      if (filters.length > 0 && rng.chance(0.15)) sub.accessGroupIn = rng.pick(filters);
      if (rng.chance(0.03)) sub.shutdown = true;
    }
  }
}

function generateSwitchports(ctx: GenContext, add: (i: Interface) => Interface): void {
  const { rng, model } = ctx;
  const count = scaled(ctx, 1 / 90, 1, 2, 56);
  const vlanIds = model.vlans.map((v) => v.id);
  for (let i = 0; i < count; i++) {
    const name = i < 8 ? `GigabitEthernet0/2/${i}` : `GigabitEthernet1/0/${i - 8}`;
    const port = add(newInterface(name, 'switchport'));
    const r = rng.next();
    if (r < 0.12) {
      port.description = 'UNUSED';
      port.shutdown = true;
    } else if (r < 0.75) {
      if (rng.chance(0.8)) port.description = description(rng);
      port.switchport = { mode: 'access', accessVlan: rng.pick(vlanIds) };
    } else {
      port.description = `trunk to ${word(rng)}-sw${rng.int(1, 20)}`;
      const size = rng.int(1, Math.min(vlanIds.length, 40));
      const start = rng.int(0, vlanIds.length - size);
      port.switchport = { mode: 'trunk', allowedVlans: vlanIds.slice(start, start + size).filter(() => rng.chance(0.8)) };
      if (port.switchport.allowedVlans.length === 0) port.switchport.allowedVlans.push(vlanIds[start] as number);
    }
  }
}

function generateSvis(ctx: GenContext, add: (i: Interface) => Interface, filters: string[]): void {
  const { rng, model } = ctx;
  const count = Math.min(model.vlans.length, scaled(ctx, 0.04, 4.5, 1, 1500));
  const vlans = rng.shuffle([...model.vlans]).slice(0, count);
  vlans.forEach((vlan, index) => {
    const svi = add({ ...newInterface(`Vlan${vlan.id}`, 'svi'), ip: hostIn(ctx.lans.next(24), 24) });
    if (rng.chance(0.7)) svi.description = `${vlan.name.toLowerCase()} gateway`;
    // The first SVI always has one: small configs have something for the editor to remove.
    if (index === 0 || rng.chance(0.08)) {
      for (let k = rng.int(1, 2); k > 0; k--) svi.secondaries.push(hostIn(ctx.secondaries.next(24), 24));
    }
    if (filters.length > 0 && rng.chance(0.1)) svi.accessGroupIn = rng.pick(filters);
    if (filters.length > 0 && rng.chance(0.05)) svi.accessGroupOut = rng.pick(filters);
    if (rng.chance(0.02)) svi.shutdown = true;
  });
}

/** The neighbour's address on a /30 or /29 link (ours is the first host). */
export function peerOf(intf: Interface): string | undefined {
  if (!intf.ip || (intf.ip.mask !== '255.255.255.252' && intf.ip.mask !== '255.255.255.248')) return undefined;
  return intToIp(ipToInt(intf.ip.address) + 1);
}
