// The one-line-per-interface tables: `show ip interface brief` (routers and switches alike) and
// the switch-style `show interfaces status`, both in IOS's fixed column layout.

import { isPhysicalInterface } from '../../../ios/interface-names.js';
import type { ExecResult } from '../contracts.js';
import type { ExecRequest } from './exec-command.js';
import { interfaceStates, type InterfaceState } from './interface-state.js';

/** Column widths of `show ip interface brief`; the last column (Protocol) is not padded. */
const BRIEF_WIDTHS = [27, 16, 4, 7, 22];
const STATUS_WIDTHS = [10, 19, 13, 11];

export function showIpInterfaceBrief({ device }: ExecRequest): ExecResult {
  const header = columns(['Interface', 'IP-Address', 'OK?', 'Method', 'Status', 'Protocol'], BRIEF_WIDTHS);
  const rows = interfaceStates(device).map((state) =>
    columns([state.name, state.addresses[0]?.address ?? 'unassigned', 'YES', addressMethod(state), state.status, state.protocolUp ? 'up' : 'down'], BRIEF_WIDTHS),
  );
  return { output: [header, ...rows] };
}

/**
 * How the address was set: `NVRAM` when it came with a loaded config (its line has a source
 * line number), `manual` when typed in a session; an interface without one is `unset` unless
 * its config was loaded.
 */
function addressMethod(state: InterfaceState): string {
  const line = state.node.children.find((child) => child.text.startsWith('ip address ') && !child.text.endsWith(' secondary'));
  if (line) return line.line > 0 ? 'NVRAM' : 'manual';
  return state.node.line > 0 ? 'NVRAM' : 'unset';
}

export function showInterfacesStatus({ device }: ExecRequest): ExecResult {
  const header = `${columns(['Port', 'Name', 'Status', 'Vlan'], STATUS_WIDTHS)}${'Duplex'.padStart(6)} ${'Speed'.padStart(6)} Type`;
  const ports = interfaceStates(device).filter((state) => isPhysicalInterface(state.name) || state.name.startsWith('Port-channel'));
  return { output: [header, ...ports.map(statusRow)] };
}

function statusRow(state: InterfaceState): string {
  const connected = state.protocolUp;
  const status = state.status === 'administratively down' ? 'disabled' : connected ? 'connected' : 'notconnect';
  const vlan = !state.switchport ? 'routed' : state.switchport.mode === 'trunk' ? 'trunk' : String(state.switchport.accessVlan);
  const type = portType(state.name);
  // Negotiated values show as `a-…` on a connected port; configured ones as they are.
  const duplex = state.duplex === 'auto' && connected ? 'a-full' : state.duplex;
  const speed = state.speed === 'auto' && connected ? `a-${type.speed}` : state.speed;
  const name = (state.description ?? '').slice(0, 18);
  return `${columns([shortName(state.name), name, status, vlan], STATUS_WIDTHS)}${duplex.padStart(6)} ${speed.padStart(6)} ${type.media}`.trimEnd();
}

/** Interface type abbreviations of the `Port` column. */
const SHORT_TYPES: ReadonlyArray<[string, string]> = [
  ['TenGigabitEthernet', 'Te'], ['TwoGigabitEthernet', 'Tw'], ['FortyGigabitEthernet', 'Fo'],
  ['GigabitEthernet', 'Gi'], ['FastEthernet', 'Fa'], ['Ethernet', 'Et'], ['Port-channel', 'Po'],
  ['HundredGigE', 'Hu'], ['TwentyFiveGigE', 'Twe'], ['Serial', 'Se'],
];

function shortName(name: string): string {
  const entry = SHORT_TYPES.find(([type]) => name.startsWith(type));
  return entry ? entry[1] + name.slice(entry[0].length) : name;
}

/** Negotiated speed and the `Type` column (the transceiver or jack) for a port's type. */
function portType(name: string): { speed: string; media: string } {
  if (name.startsWith('TenGigabitEthernet')) return { speed: '10G', media: 'SFP-10GBase-SR' };
  if (name.startsWith('GigabitEthernet')) return { speed: '1000', media: '10/100/1000BaseTX' };
  if (name.startsWith('FastEthernet')) return { speed: '100', media: '10/100BaseTX' };
  return { speed: '1000', media: '' };
}

/** Values padded to their widths, always at least one space apart; the last one unpadded. */
function columns(values: string[], widths: number[]): string {
  return values.map((value, i) => (i < widths.length ? value.padEnd((widths[i] as number) - 1) + ' ' : value)).join('');
}
