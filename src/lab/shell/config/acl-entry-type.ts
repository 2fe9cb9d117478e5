// ACL entries as grammar values (`<entry:acl-standard>`, `<entry:acl-extended>`): read from the
// entered tokens, keywords abbreviated as on IOS, and given back in the form IOS stores and
// prints: port and protocol numbers by name, `host A` for `A 0.0.0.0`, `any`, and `deny`
// padded to the width of `permit`.

import { registerTokenType, type TokenMatch } from '../grammar/grammar.js';
import { dottedQuad } from '../grammar/token-types.js';

const TCP_PORTS: Readonly<Record<string, number>> = {
  bgp: 179, chargen: 19, cmd: 514, daytime: 13, discard: 9, domain: 53, echo: 7, exec: 512, finger: 79, ftp: 21,
  'ftp-data': 20, gopher: 70, hostname: 101, ident: 113, irc: 194, klogin: 543, kshell: 544, login: 513, lpd: 515,
  nntp: 119, 'pim-auto-rp': 496, pop2: 109, pop3: 110, smtp: 25, sunrpc: 111, tacacs: 49, talk: 517, telnet: 23,
  time: 37, uucp: 540, whois: 43, www: 80,
};
// IOS also names UDP 4500 `non500-isakmp`; the lab's config generator prints 4500, so that name is
// read on input but 4500 is kept as a number (see the report of this simulator's limits).
const UDP_PORTS: Readonly<Record<string, number>> = {
  biff: 512, bootpc: 68, bootps: 67, discard: 9, dnsix: 195, domain: 53, echo: 7, isakmp: 500, 'mobile-ip': 434,
  nameserver: 42, 'netbios-dgm': 138, 'netbios-ns': 137, 'netbios-ss': 139, 'non500-isakmp': 4500, ntp: 123,
  'pim-auto-rp': 496, rip: 520, snmp: 161, snmptrap: 162, sunrpc: 111, syslog: 514, tacacs: 49, talk: 517, tftp: 69,
  time: 37, who: 513, xdmcp: 177,
};
const KEEP_NUMERIC = new Set([4500]);
const PROTOCOLS: Readonly<Record<string, number>> = {
  ahp: 51, eigrp: 88, esp: 50, gre: 47, icmp: 1, igmp: 2, ip: 0, ipinip: 4, nos: 94, ospf: 89, pcp: 108, pim: 103, tcp: 6, udp: 17,
};
const ICMP_TYPES: Readonly<Record<string, number>> = {
  'echo-reply': 0, unreachable: 3, 'source-quench': 4, redirect: 5, 'alternate-address': 6, echo: 8,
  'router-advertisement': 9, 'router-solicitation': 10, 'time-exceeded': 11, 'parameter-problem': 12,
  'timestamp-request': 13, 'timestamp-reply': 14, 'information-request': 15, 'information-reply': 16,
  'mask-request': 17, 'mask-reply': 18, traceroute: 30, 'conversion-error': 31, 'mobile-redirect': 32,
  'packet-too-big': 1000, 'port-unreachable': 1001, 'host-unreachable': 1002, 'net-unreachable': 1003,
  'administratively-prohibited': 1004, 'ttl-exceeded': 1005,
};

/** Why reading stopped: at token offset `at` (relative to the entry's first token). */
class EntryError {
  constructor(readonly at: number) {}
}

/** A cursor over the entry's tokens that writes the canonical words. */
class Reader {
  readonly out: string[] = [];
  constructor(readonly tokens: readonly string[], readonly start: number, public at: number) {}
  get done(): boolean {
    return this.at >= this.tokens.length;
  }
  peek(): string | undefined {
    return this.tokens[this.at];
  }
  fail(): never {
    throw new EntryError(this.at - this.start);
  }
  /** The keyword among `choices` that the next token abbreviates (exact match first), if any. */
  keyword(choices: readonly string[]): string | undefined {
    const token = this.peek()?.toLowerCase();
    if (token === undefined) return undefined;
    if (choices.includes(token)) return token;
    const found = choices.filter((c) => c.startsWith(token));
    return found.length === 1 ? found[0] : undefined;
  }
  take(word: string): void {
    this.out.push(word);
    this.at++;
  }
  address(): string {
    const token = this.peek();
    const value = token === undefined ? undefined : dottedQuad(token);
    if (value === undefined) this.fail();
    this.at++;
    return value;
  }
}

/** `any`, `host A`, or `A W` (`A 0.0.0.0` is `host A`, `0.0.0.0 255.255.255.255` is `any`). */
function address(r: Reader, standard: boolean): void {
  const word = r.keyword(['any', 'host']);
  if (word === 'any') return r.take('any');
  if (word === 'host') {
    r.take('host');
    r.out.push(r.address());
    if (standard) r.out.splice(r.out.length - 2, 1); // a standard list prints a host as the bare address
    return;
  }
  const ip = r.address();
  if (standard && (r.done || r.keyword(['log']) !== undefined)) return void r.out.push(ip);
  const wildcard = r.address();
  if (wildcard === '0.0.0.0') r.out.push(...(standard ? [ip] : ['host', ip]));
  else if (ip === '0.0.0.0' && wildcard === '255.255.255.255') r.out.push('any');
  else r.out.push(ip, wildcard);
}

function port(r: Reader, names: Readonly<Record<string, number>>): void {
  const token = r.peek();
  if (token === undefined) r.fail();
  let number = /^\d+$/.test(token) ? Number(token) : undefined;
  if (number === undefined) {
    const name = r.keyword(Object.keys(names));
    if (name === undefined) r.fail();
    number = names[name] as number;
  }
  if (number > 65535) r.fail();
  const name = KEEP_NUMERIC.has(number) ? undefined : Object.keys(names).find((n) => names[n] === number);
  r.take(name ?? String(number));
}

function ports(r: Reader, names: Readonly<Record<string, number>> | undefined): void {
  if (names === undefined) return;
  const op = r.keyword(['eq', 'neq', 'lt', 'gt', 'range']);
  if (op === undefined) return;
  r.take(op);
  port(r, names);
  if (op === 'range') port(r, names);
}

function protocol(r: Reader): string {
  const token = r.peek();
  if (token !== undefined && /^\d+$/.test(token) && Number(token) <= 255) {
    const name = Object.keys(PROTOCOLS).find((p) => PROTOCOLS[p] === Number(token));
    r.take(name ?? token);
    return name ?? token;
  }
  const name = r.keyword(Object.keys(PROTOCOLS));
  if (name === undefined) r.fail();
  r.take(name);
  return name;
}

const OPTIONS_WITH_VALUE = ['dscp', 'precedence', 'tos', 'time-range'];

function options(r: Reader, proto: string): void {
  if (proto === 'icmp') {
    const token = r.peek();
    if (token !== undefined && /^\d+$/.test(token)) r.take(token);
    else {
      const type = r.keyword(Object.keys(ICMP_TYPES));
      if (type !== undefined) r.take(type);
    }
  }
  while (!r.done) {
    const option = r.keyword([...(proto === 'tcp' ? ['established'] : []), 'log', 'log-input', 'fragments', ...OPTIONS_WITH_VALUE]);
    if (option === undefined) r.fail();
    r.take(option);
    if (OPTIONS_WITH_VALUE.includes(option)) {
      if (r.done) r.fail();
      r.take(r.peek() as string);
    }
  }
}

function entry(standard: boolean) {
  return (tokens: readonly string[], i: number): TokenMatch => {
    const r: Reader = new Reader(tokens, i, i);
    try {
      const action = r.keyword(['permit', 'deny']);
      if (action === undefined) r.fail();
      r.take(action);
      if (standard) {
        address(r, true);
        if (!r.done && r.keyword(['log']) === 'log') r.take('log');
        if (!r.done) r.fail();
      } else {
        const proto = protocol(r);
        const names = proto === 'tcp' ? TCP_PORTS : proto === 'udp' ? UDP_PORTS : undefined;
        address(r, false);
        ports(r, names);
        address(r, false);
        ports(r, names);
        options(r, proto);
      }
    } catch (error) {
      if (error instanceof EntryError) return { errorOffset: error.at };
      throw error;
    }
    return { consumed: r.at - i, value: aclDisplay(r.out.join(' ')) };
  };
}

/** IOS pads `deny` to the width of `permit`. */
function aclDisplay(entry: string): string {
  return entry.startsWith('deny ') ? `deny   ${entry.slice(5)}` : entry;
}

registerTokenType('acl-standard', entry(true));
registerTokenType('acl-extended', entry(false));
