// The state of each interface, derived from the running config and the device's link facts the
// way IOS derives it: what `show ip interface brief`, `show interfaces`, the routing table and
// `ping` all read. Nothing is stored; every show command sees the config as it is now.

import type { LabDevice } from '../../device/lab-device.js';
import type { ConfigNode } from '../../../ios/types.js';
import { parseVlanList } from '../../../ios/vlan-list.js';

export interface InterfaceAddress {
  address: string;
  mask: string;
  secondary: boolean;
}

/** Status as IOS words it: the first column of `show ip interface brief`'s pair. */
export type LineStatus = 'up' | 'down' | 'administratively down';

export interface InterfaceState {
  /** Canonical name, as in the running config. */
  name: string;
  node: ConfigNode;
  description: string | undefined;
  /** Primary address first, then secondaries in config order. */
  addresses: InterfaceAddress[];
  /** `vrf forwarding X`; undefined in the global table. */
  vrf: string | undefined;
  status: LineStatus;
  protocolUp: boolean;
  /** Layer-2 port: its mode and access VLAN; undefined for a routed port. */
  switchport: { mode: 'access' | 'trunk'; accessVlan: number; trunkVlans: number[] | 'all' } | undefined;
  /** `duplex` / `speed` as configured (`auto` when absent). */
  duplex: string;
  speed: string;
}

const ADDRESS = /^ip address (\S+) (\S+)( secondary)?$/;
const ALWAYS_UP = /^(Loopback|Null|Tunnel|Virtual-Template|BDI|BVI|nve|VirtualPortGroup)/;

/** Every configured interface, in running-config order. */
export function interfaceStates(device: LabDevice): InterfaceState[] {
  const configs = device.running.filter((node) => node.text.startsWith('interface '));
  const states = configs.map((node) => configuredState(node));
  const byName = new Map(states.map((state) => [state.name, state]));
  // Physical and loopback-like interfaces first: port-channels, SVIs and sub-interfaces take
  // their state from them.
  for (const state of states) if (!dependsOnOthers(state.name)) settleOwnStatus(state, device);
  for (const state of states) if (dependsOnOthers(state.name)) settleDerivedStatus(state, states, byName, device);
  return states;
}

function configuredState(node: ConfigNode): InterfaceState {
  const state: InterfaceState = {
    name: node.text.slice('interface '.length),
    node,
    description: undefined,
    addresses: [],
    vrf: undefined,
    status: 'up',
    protocolUp: true,
    switchport: undefined,
    duplex: 'auto',
    speed: 'auto',
  };
  const trunkVlans: number[] = [];
  let allowedListed = false;
  let mode: 'access' | 'trunk' | undefined;
  let accessVlan = 1;
  for (const { text } of node.children) {
    const address = ADDRESS.exec(text);
    if (address) {
      const entry = { address: address[1] as string, mask: address[2] as string, secondary: address[3] !== undefined };
      // The primary address leads, whatever the order of the lines.
      if (entry.secondary) state.addresses.push(entry);
      else state.addresses.unshift(entry);
    } else if (text.startsWith('description ')) state.description = text.slice('description '.length);
    else if (text.startsWith('vrf forwarding ') || text.startsWith('ip vrf forwarding ')) state.vrf = text.split(' ').pop();
    else if (text === 'shutdown') state.status = 'administratively down';
    else if (text.startsWith('duplex ')) state.duplex = text.slice('duplex '.length);
    else if (text.startsWith('speed ')) state.speed = text.slice('speed '.length);
    else if (text === 'switchport mode trunk') mode = 'trunk';
    else if (text === 'switchport mode access') mode = 'access';
    else if (text.startsWith('switchport access vlan ')) {
      accessVlan = Number(text.slice('switchport access vlan '.length));
      mode ??= 'access';
    } else if (text.startsWith('switchport trunk allowed vlan ')) {
      allowedListed = true;
      trunkVlans.push(...(parseVlanList(text.split(' ').pop() as string) ?? []));
    }
  }
  if (mode) state.switchport = { mode, accessVlan, trunkVlans: allowedListed ? trunkVlans : 'all' };
  return state;
}

/** Port-channels, SVIs and sub-interfaces are up only when what carries them is. */
function dependsOnOthers(name: string): boolean {
  return name.includes('.') || name.startsWith('Port-channel') || name.startsWith('Vlan');
}

/** A port's own state: shut down by config, or its link down (no cable, or a fault). */
function settleOwnStatus(state: InterfaceState, device: LabDevice): void {
  if (state.status === 'administratively down') state.protocolUp = false;
  else if (device.linkDown.has(state.name) && !ALWAYS_UP.test(state.name)) setDown(state);
}

function settleDerivedStatus(state: InterfaceState, states: InterfaceState[], byName: Map<string, InterfaceState>, device: LabDevice): void {
  if (state.status === 'administratively down') {
    state.protocolUp = false;
    return;
  }
  if (state.name.includes('.')) {
    // A sub-interface shares its parent's fate; a shut parent shows its sub-interfaces as shut.
    const parent = byName.get(state.name.slice(0, state.name.indexOf('.')));
    if (parent?.status === 'administratively down') {
      state.status = 'administratively down';
      state.protocolUp = false;
    } else if (!parent?.protocolUp || device.linkDown.has(state.name)) setDown(state);
    return;
  }
  if (device.linkDown.has(state.name) || !carriers(state, states).some((carrier) => carrier.protocolUp)) setDown(state);
}

/** The ports whose state an aggregate interface follows: bundle members, or ports in the VLAN. */
function carriers(state: InterfaceState, states: InterfaceState[]): InterfaceState[] {
  if (state.name.startsWith('Port-channel')) {
    const group = `channel-group ${state.name.slice('Port-channel'.length)} `;
    return states.filter((port) => port.node.children.some((child) => child.text.startsWith(group)));
  }
  const vlan = Number(state.name.slice('Vlan'.length));
  return states.filter(({ switchport }) => {
    if (!switchport) return false;
    if (switchport.mode === 'access') return switchport.accessVlan === vlan;
    return switchport.trunkVlans === 'all' || switchport.trunkVlans.includes(vlan);
  });
}

function setDown(state: InterfaceState): void {
  state.status = 'down';
  state.protocolUp = false;
}
