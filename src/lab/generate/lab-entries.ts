// Random realistic pieces of config shared by the generator and the editor: ACL entries in IOS
// display form, prefix-list entries, descriptions, secrets.

import { intToIp, randomPrefix, wildcardOf } from './lab-net.js';
import type { PrefixEntry } from './model-types.js';
import type { Random } from './random.js';

/** TCP/UDP ports as IOS displays them (names where IOS has one; 22 and 443 stay numeric). */
export const TCP_PORTS = ['www', 'www', '443', '443', '22', 'bgp', 'smtp', 'domain', 'telnet', 'ftp', '8080', '3389', 'pop3', '8443'];
export const UDP_PORTS = ['domain', 'ntp', 'snmp', 'syslog', 'tftp', 'bootps', 'isakmp', '4500', '1812', 'snmptrap'];
/** Port numbers of the names above, for intended configs written with numbers. */
export const PORT_NUMBERS: Readonly<Record<string, number>> = {
  www: 80, bgp: 179, smtp: 25, domain: 53, telnet: 23, ftp: 21, pop3: 110,
  ntp: 123, snmp: 161, syslog: 514, tftp: 69, bootps: 67, isakmp: 500, snmptrap: 162,
};
const ICMP_TYPES = ['echo', 'echo-reply', 'unreachable', 'time-exceeded', 'packet-too-big'];

const WORDS = [
  'core', 'edge', 'branch', 'backup', 'primary', 'transit', 'peering', 'voice', 'video', 'guest',
  'storage', 'dmz', 'lab', 'finance', 'hr', 'print', 'wifi', 'cctv', 'scada', 'ops', 'noc', 'dc',
];
const SITES = ['AMS', 'FRA', 'LON', 'PAR', 'NYC', 'SFO', 'SIN', 'TYO', 'SYD', 'MAD', 'ZRH', 'OSL', 'WAW', 'DUB'];
const SECRET_CHARS = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function word(rng: Random): string {
  return rng.pick(WORDS);
}

export function site(rng: Random): string {
  return rng.pick(SITES);
}

/** A free-text description such as `uplink to AMS-core-3` or `customer 1234 (voice)`. */
export function description(rng: Random): string {
  switch (rng.int(0, 4)) {
    case 0:
      return `uplink to ${site(rng).toLowerCase()}-${word(rng)}-${rng.int(1, 9)}`;
    case 1:
      return `customer ${rng.int(1000, 9999)} (${word(rng)})`;
    case 2:
      return `${site(rng)} ${word(rng)} segment`;
    case 3:
      return `circuit ${site(rng)}/${rng.int(10000, 99999)}/${word(rng).toUpperCase()}`;
    default:
      return `${word(rng)} ${word(rng)} link ${rng.int(1, 99)}`;
  }
}

/** A type 9 secret as IOS displays it: `$9$<14-char salt>$<43-char hash>`. */
export function secretHash(rng: Random): string {
  const chars = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += SECRET_CHARS[rng.int(0, SECRET_CHARS.length - 1)];
    return s;
  };
  return `$9$${chars(14)}$${chars(43)}`;
}

/** `any`, `host A` or `A W` (aligned), as IOS displays an extended-ACL address. */
function extendedAddress(rng: Random): string {
  const r = rng.next();
  if (r < 0.25) return 'any';
  if (r < 0.55) return `host ${intToIp(randomHost(rng))}`;
  const len = rng.pick([8, 16, 20, 22, 24, 24, 24, 25, 26, 27, 28, 29, 30]);
  return `${intToIp(alignedTo(randomHost(rng), len))} ${wildcardOf(len)}`;
}

function randomHost(rng: Random): number {
  const first = rng.pick([10, 10, 10, 172, 192, 198, 203, 100]);
  return ((first << 24) | rng.int(0, 0xffffff)) >>> 0;
}

function alignedTo(value: number, len: number): number {
  return (value & ((0xffffffff << (32 - len)) >>> 0)) >>> 0;
}

/** One extended ACL entry in IOS display form. */
export function extendedEntry(rng: Random): string {
  const r = rng.next();
  if (r < 0.04) return `remark ${word(rng)} ${word(rng)} ${rng.int(1, 9999)}`;
  const action = rng.chance(0.75) ? 'permit' : 'deny';
  const proto = rng.pick(['tcp', 'tcp', 'tcp', 'udp', 'udp', 'icmp', 'ip', 'ip', 'gre', 'esp', 'ospf']);
  const src = extendedAddress(rng);
  const dst = extendedAddress(rng);
  let entry = `${action} ${proto} ${src}`;
  if (proto === 'tcp' || proto === 'udp') {
    const ports = proto === 'tcp' ? TCP_PORTS : UDP_PORTS;
    if (rng.chance(0.1)) entry += ` eq ${rng.pick(ports)}`;
    entry += ` ${dst}`;
    const p = rng.next();
    if (p < 0.7) entry += ` eq ${rng.pick(ports)}`;
    else if (p < 0.8) entry += ` range ${rng.int(1024, 30000)} ${rng.int(30001, 65535)}`;
    else if (p < 0.85) entry += ` gt ${rng.int(1024, 60000)}`;
    if (proto === 'tcp' && rng.chance(0.05)) entry += ' established';
  } else if (proto === 'icmp') {
    entry += ` ${dst}`;
    if (rng.chance(0.7)) entry += ` ${rng.pick(ICMP_TYPES)}`;
  } else {
    entry += ` ${dst}`;
  }
  if (action === 'deny' && rng.chance(0.5)) entry += ' log';
  return entry;
}

/** One standard ACL entry (networks only: IOS reorders host entries of standard lists). */
export function standardEntry(rng: Random): string {
  if (rng.chance(0.03)) return `remark ${word(rng)} ${word(rng)} ${rng.int(1, 9999)}`;
  const action = rng.chance(0.8) ? 'permit' : 'deny';
  const len = rng.pick([8, 12, 16, 20, 22, 23, 24, 24, 24, 25, 26, 27, 28, 29]);
  return `${action} ${intToIp(alignedTo(randomHost(rng), len))} ${wildcardOf(len)}`;
}

/** `count` distinct entries (no entry repeats within a list: IOS would merge them). */
export function distinctEntries(rng: Random, count: number, make: (rng: Random) => string, taken = new Set<string>()): string[] {
  const out: string[] = [];
  for (let guard = 0; out.length < count && guard < count * 20 + 20; guard++) {
    const entry = make(rng);
    if (taken.has(entry)) continue;
    taken.add(entry);
    out.push(entry);
  }
  return out;
}

/** A prefix-list entry at `seq`; `taken` holds the `prefix ge le` keys already in the list. */
export function prefixEntry(rng: Random, seq: number, taken: Set<string>): PrefixEntry {
  for (;;) {
    const { prefix, len } = randomPrefix(rng);
    const entry: PrefixEntry = { seq, action: rng.chance(0.85) ? 'permit' : 'deny', prefix };
    if (len < 32 && rng.chance(0.35)) {
      const r = rng.next();
      if (r < 0.4) entry.le = rng.int(len + 1, 32);
      else if (r < 0.7) entry.ge = rng.int(len + 1, 32);
      else {
        entry.ge = rng.int(len + 1, 32);
        entry.le = rng.int(entry.ge, 32);
      }
    }
    const key = prefixKey(entry);
    if (taken.has(key)) continue;
    taken.add(key);
    return entry;
  }
}

export function prefixKey(entry: PrefixEntry): string {
  return `${entry.prefix} ${entry.ge ?? ''} ${entry.le ?? ''}`;
}

export function community(rng: Random, asn: number): string {
  return `${asn}:${rng.pick([100, 110, 120, 200, 300, 666, 1000, 2000, 3000, rng.int(1, 9999)])}`;
}
