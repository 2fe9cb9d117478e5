// `show interfaces [X]`: the per-interface report. State, description and address come from the
// config; the hardware facts are fixed per interface type, and the counters are zero (the lab
// moves no traffic).

import { lengthOfMask } from '../../generate/lab-net.js';
import type { ExecResult } from '../contracts.js';
import { invalidWord, type ExecRequest } from './exec-command.js';
import { interfaceStates, type InterfaceState } from './interface-state.js';

export function showInterfaces({ device, args, line }: ExecRequest): ExecResult {
  const states = interfaceStates(device);
  const wanted = args.interface === undefined ? states : states.filter((state) => state.name === args.interface);
  // An interface the device does not have is bad input at its name, as on IOS.
  if (wanted.length === 0) return invalidWord(line, 2);
  return { output: wanted.flatMap((state) => interfaceReport(state, device.name)) };
}

interface Hardware {
  description: string;
  mtu: number;
  bandwidthKbit: number;
  delayUsec: number;
  encapsulation: string;
}

function hardwareOf(name: string): Hardware {
  const ethernet = (description: string, bandwidthKbit: number): Hardware => ({ description, mtu: 1500, bandwidthKbit, delayUsec: 10, encapsulation: 'ARPA' });
  if (name.startsWith('Loopback')) return { description: 'Loopback', mtu: 1514, bandwidthKbit: 8000000, delayUsec: 5000, encapsulation: 'LOOPBACK' };
  if (name.startsWith('TenGigabitEthernet')) return ethernet('BUILT-IN-EPA-8x10G', 10000000);
  if (name.startsWith('FastEthernet')) return ethernet('Fast Ethernet', 100000);
  if (name.startsWith('Port-channel')) return ethernet('GEChannel', 1000000);
  if (name.startsWith('Vlan')) return ethernet('EtherSVI', 1000000);
  if (name.startsWith('Tunnel')) return { description: 'Tunnel', mtu: 17916, bandwidthKbit: 100, delayUsec: 50000, encapsulation: 'TUNNEL' };
  return ethernet('CN Gigabit Ethernet', 1000000);
}

function interfaceReport(state: InterfaceState, deviceName: string): string[] {
  const hardware = hardwareOf(state.name);
  const primary = state.addresses.find((address) => !address.secondary);
  const macAddress = hardware.encapsulation === 'ARPA' ? macAddressOf(deviceName, state.name) : undefined;
  const dot1q = state.node.children.find((child) => child.text.startsWith('encapsulation dot1Q '))?.text.split(' ')[2];
  const encapsulation = dot1q !== undefined ? `802.1Q Virtual LAN, Vlan ID  ${dot1q}.` : `${hardware.encapsulation}, loopback not set`;
  return [
    `${state.name} is ${state.status}, line protocol is ${state.protocolUp ? 'up' : 'down'}`,
    `  Hardware is ${hardware.description}${macAddress ? `, address is ${macAddress} (bia ${macAddress})` : ''}`,
    ...(state.description === undefined ? [] : [`  Description: ${state.description}`]),
    ...(primary ? [`  Internet address is ${primary.address}/${lengthOfMask(primary.mask)}`] : []),
    `  MTU ${hardware.mtu} bytes, BW ${hardware.bandwidthKbit} Kbit/sec, DLY ${hardware.delayUsec} usec, `,
    '     reliability 255/255, txload 1/255, rxload 1/255',
    `  Encapsulation ${encapsulation}`,
    '  Keepalive set (10 sec)',
    ...(hardware.encapsulation === 'ARPA' && dot1q === undefined ? ['  ARP type: ARPA, ARP Timeout 04:00:00'] : []),
    '  Last input never, output never, output hang never',
    '  Last clearing of "show interface" counters never',
    '  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0',
    '  Queueing strategy: fifo',
    '  Output queue: 0/40 (size/max)',
    '  5 minute input rate 0 bits/sec, 0 packets/sec',
    '  5 minute output rate 0 bits/sec, 0 packets/sec',
    '     0 packets input, 0 bytes, 0 no buffer',
    '     Received 0 broadcasts (0 IP multicasts)',
    '     0 runts, 0 giants, 0 throttles',
    '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored',
    '     0 packets output, 0 bytes, 0 underruns',
    '     0 output errors, 0 collisions, 0 interface resets',
    '     0 unknown protocol drops',
    '     0 output buffer failures, 0 output buffers swapped out',
  ];
}

/** A stable, locally administered MAC per device and port; sub-interfaces share their port's. */
function macAddressOf(deviceName: string, interfaceName: string): string {
  const port = interfaceName.split('.')[0] as string;
  let hash = 0x811c9dc5;
  for (const char of `${deviceName}/${port}`) hash = Math.imul(hash ^ (char.codePointAt(0) as number), 0x01000193) >>> 0;
  const hex = hash.toString(16).padStart(8, '0');
  return `5254.${hex.slice(0, 4)}.${hex.slice(4)}`;
}
