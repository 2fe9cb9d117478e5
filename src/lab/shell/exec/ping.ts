// `ping [vrf V] X [repeat N]`: succeeds when the routing table of the device reaches X (a
// connected subnet of an up interface, or a static route that resolves), unless the device's
// `pingFailures` fault names X.

import type { LabDevice } from '../../device/lab-device.js';
import type { ExecResult } from '../contracts.js';
import { invalidWord, printed, type ExecRequest } from './exec-command.js';
import { routingTable, type RoutingTable } from './route-table.js';

const DEFAULT_COUNT = 5;
/** IOS wraps the `!!!!!` line at 70 replies. */
const MARKS_PER_LINE = 70;

export function ping({ device, args, line }: ExecRequest): ExecResult {
  const target = args.target as string;
  const count = args.count === undefined ? DEFAULT_COUNT : Number(args.count);
  const table = routingTable(device, args.vrf);
  if (!table) return invalidWord(line, 2);
  const replies = reachable(device, table, target) ? count : 0;
  const marks = (replies > 0 ? '!' : '.').repeat(count);
  const percent = Math.floor((replies * 100) / count);
  const rate = `Success rate is ${percent} percent (${replies}/${count})`;
  return printed(
    'Type escape sequence to abort.',
    `Sending ${count}, 100-byte ICMP Echos to ${target}, timeout is 2 seconds:`,
    ...(marks.match(new RegExp(`.{1,${MARKS_PER_LINE}}`, 'g')) ?? []),
    replies > 0 ? `${rate}, round-trip min/avg/max = 1/1/1 ms` : rate,
  );
}

function reachable(device: LabDevice, table: RoutingTable, target: string): boolean {
  const failures = device.faults.pingFailures;
  if (failures !== undefined && new RegExp(failures, 'i').test(target)) return false;
  const route = table.lookup(target);
  // A route to Null0 is a discard route: it matches, and drops.
  return route !== undefined && route.nextHops.some((hop) => hop.address !== undefined || !hop.interface?.startsWith('Null'));
}
