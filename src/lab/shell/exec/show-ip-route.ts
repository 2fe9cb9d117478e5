// `show ip route [vrf X]` in the IOS 15 layout: the codes legend, the gateway of last resort,
// then the routes grouped under their classful network ("is variably subnetted").

import { intToIp } from '../../generate/lab-net.js';
import { printed, textLines, type ExecRequest } from './exec-command.js';
import type { ExecResult } from '../contracts.js';
import { maskedNetwork, routingTable, type NextHop, type Route } from './route-table.js';

const LEGEND = `Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP
       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area 
       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2
       E1 - OSPF external type 1, E2 - OSPF external type 2
       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2
       ia - IS-IS inter area, * - candidate default, U - per-user static route
       o - ODR, P - periodic downloaded static route, H - NHRP, l - LISP
       + - replicated route, % - next hop override
`;

/** Width of the code column: for routes at the top level, and for routes under a classful network. */
const TOP_CODE_WIDTH = 6;
const SUBNET_CODE_WIDTH = 9;

export function showIpRoute({ device, args }: ExecRequest): ExecResult {
  const vrf = args.vrf;
  const table = routingTable(device, vrf);
  if (!table) return printed(`% IP routing table ${vrf} does not exist`);
  const header = vrf === undefined ? [] : [`Routing Table: ${vrf}`];
  return { output: [...header, ...textLines(LEGEND), '', gatewayLine(table.routes), '', ...routeLines(table.routes)] };
}

function gatewayLine(routes: Route[]): string {
  const fallback = routes.find((route) => route.length === 0);
  if (!fallback) return 'Gateway of last resort is not set';
  return `Gateway of last resort is ${fallback.nextHops[0]?.address ?? '0.0.0.0'} to network 0.0.0.0`;
}

function routeLines(routes: Route[]): string[] {
  const out: string[] = [];
  for (const group of classfulGroups(routes)) {
    const [first] = group.routes;
    if (group.routes.length === 1 && first && first.length <= group.length) {
      out.push(...entryLines(first, TOP_CODE_WIDTH, true));
      continue;
    }
    const lengths = new Set(group.routes.map((route) => route.length));
    const count = group.routes.length;
    const major = intToIp(group.network);
    if (lengths.size === 1) {
      out.push(`      ${major}/${first?.length} is subnetted, ${count} subnets`);
    } else {
      out.push(`      ${major}/${group.length} is variably subnetted, ${count} subnets, ${lengths.size} masks`);
    }
    // Under a single mask, IOS leaves the length off each entry: the header gives it.
    for (const route of group.routes) out.push(...entryLines(route, SUBNET_CODE_WIDTH, lengths.size > 1));
  }
  return out;
}

interface ClassfulGroup {
  network: number;
  length: number;
  routes: Route[];
}

/** Consecutive routes inside one classful network; a supernet (shorter than its class) stands alone. */
function classfulGroups(routes: Route[]): ClassfulGroup[] {
  const groups: ClassfulGroup[] = [];
  for (const route of routes) {
    const length = classfulLength(route.network);
    const network = maskedNetwork(route.network, length);
    const last = groups[groups.length - 1];
    if (route.length >= length && last && last.network === network && last.length === length) last.routes.push(route);
    else groups.push({ network, length: route.length >= length ? length : route.length, routes: [route] });
  }
  return groups;
}

/** Class A, B or C: the mask IOS groups subnets under. */
function classfulLength(network: number): number {
  const firstOctet = network >>> 24;
  if (firstOctet < 128) return 8;
  return firstOctet < 192 ? 16 : 24;
}

function entryLines(route: Route, codeWidth: number, withLength: boolean): string[] {
  const code = route.code + (route.code === 'S' && route.length === 0 ? '*' : '');
  const prefix = intToIp(route.network) + (withLength ? `/${route.length}` : '');
  const lead = `${code.padEnd(codeWidth)}${prefix} `;
  const [first, ...more] = route.nextHops.map((hop) => pathText(route, hop));
  return [lead + first, ...more.map((path) => ' '.repeat(lead.length) + path)];
}

function pathText(route: Route, hop: NextHop): string {
  if (hop.address === undefined) return `is directly connected, ${hop.interface}`;
  const via = `[${route.distance}/0] via ${hop.address}`;
  return hop.interface === undefined ? via : `${via}, ${hop.interface}`;
}
