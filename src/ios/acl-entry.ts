// ACL entries as `show running-config` prints them. IOS stores an entry as numbers and masks and
// prints it back in one fixed form (port names, `host`, `any`); intended configs are written in
// many equivalent forms. Every rewrite here keeps the entry's meaning, so it is safe to apply to
// both sides and to send the result to a device.

/** TCP ports IOS displays by name. 22 and 443 have no name on classic IOS: they stay numeric. */
export const TCP_PORT_NAMES: ReadonlyMap<number, string> = new Map([
  [7, 'echo'], [9, 'discard'], [13, 'daytime'], [19, 'chargen'], [20, 'ftp-data'], [21, 'ftp'],
  [23, 'telnet'], [25, 'smtp'], [37, 'time'], [43, 'whois'], [49, 'tacacs'], [53, 'domain'],
  [70, 'gopher'], [79, 'finger'], [80, 'www'], [101, 'hostname'], [109, 'pop2'], [110, 'pop3'],
  [111, 'sunrpc'], [113, 'ident'], [119, 'nntp'], [179, 'bgp'], [194, 'irc'], [512, 'exec'],
  [513, 'login'], [514, 'cmd'], [515, 'lpd'], [517, 'talk'], [540, 'uucp'], [543, 'klogin'],
  [544, 'kshell'],
]);

/** UDP ports IOS displays by name. */
export const UDP_PORT_NAMES: ReadonlyMap<number, string> = new Map([
  [7, 'echo'], [9, 'discard'], [37, 'time'], [42, 'nameserver'], [49, 'tacacs'], [53, 'domain'],
  [67, 'bootps'], [68, 'bootpc'], [69, 'tftp'], [111, 'sunrpc'], [123, 'ntp'], [137, 'netbios-ns'],
  [138, 'netbios-dgm'], [161, 'snmp'], [162, 'snmptrap'], [177, 'xdmcp'], [195, 'dnsix'],
  [434, 'mobile-ip'], [500, 'isakmp'], [512, 'biff'], [513, 'who'], [514, 'syslog'], [517, 'talk'],
  [520, 'rip'],
]);

/** IP protocol numbers IOS displays by name (`permit 6 any any` shows as `permit tcp any any`). */
export const PROTOCOL_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'icmp'], [2, 'igmp'], [4, 'ipinip'], [6, 'tcp'], [17, 'udp'], [47, 'gre'], [50, 'esp'],
  [51, 'ahp'], [88, 'eigrp'], [89, 'ospf'], [94, 'nos'], [103, 'pim'], [108, 'pcp'],
]);

/** Names that may follow a first port after `eq`/`neq` (IOS-XE takes several ports there). */
const PORT_NAMES = new Set([...TCP_PORT_NAMES.values(), ...UDP_PORT_NAMES.values()]);

const DIGITS = /^\d+$/;

/** Working state of one rewrite: the tokens, the output so far, and whether anything changed. */
interface Walk {
  tokens: string[];
  i: number;
  out: string[];
  changed: boolean;
}

/** `entry` (no sequence number, single spaces) in the form IOS displays it. */
export function canonicalAclEntry(entry: string, kind: 'standard' | 'extended'): string {
  if (entry.startsWith('remark')) return entry;
  const w: Walk = { tokens: entry.split(' '), i: 0, out: [], changed: false };
  if (w.tokens[0] === 'dynamic') copy(w, w.tokens[2] === 'timeout' ? 4 : 2);
  const action = w.tokens[w.i];
  if (action !== 'permit' && action !== 'deny') return entry;
  copy(w, 1);
  if (kind === 'standard') {
    address(w, true);
  } else {
    // protocol, source [ports], destination [ports]; options after that are copied as they are.
    const ports = protocol(w);
    const source = address(w, false) && (!ports || portSpec(w, ports));
    if (source && address(w, false) && ports) portSpec(w, ports);
  }
  if (!w.changed) return entry;
  copy(w, w.tokens.length - w.i);
  return w.out.join(' ');
}

function copy(w: Walk, count: number): void {
  for (let k = 0; k < count && w.i < w.tokens.length; k++) w.out.push(w.tokens[w.i++] as string);
}

/** Writes `text` in place of the next `consumed` tokens. */
function emit(w: Walk, text: string, consumed: number): void {
  if (consumed !== 1 || text !== w.tokens[w.i]) w.changed = true;
  w.out.push(text);
  w.i += consumed;
}

/** The protocol (numbers → names); returns the port table when ports may follow. */
function protocol(w: Walk): ReadonlyMap<number, string> | undefined {
  const token = w.tokens[w.i];
  if (token === undefined) return undefined;
  if (token === 'object-group') {
    copy(w, 2);
    return undefined;
  }
  const name = DIGITS.test(token) ? PROTOCOL_NAMES.get(Number(token)) : undefined;
  const proto = name ?? token;
  emit(w, proto, 1);
  return proto === 'tcp' ? TCP_PORT_NAMES : proto === 'udp' ? UDP_PORT_NAMES : undefined;
}

/**
 * One address: `any`, `host A`, `A W`, `object-group N` (and a bare `A` in standard lists).
 * Wildcards 0.0.0.0 and 255.255.255.255 become `host`/`any`; host bits under the wildcard are
 * cleared, as IOS does. Returns false when the tokens are not an address: the rest is copied.
 */
function address(w: Walk, standard: boolean): boolean {
  const token = w.tokens[w.i];
  if (token === undefined) return false;
  if (token === 'any') {
    copy(w, 1);
    return true;
  }
  if (token === 'host' || token === 'object-group' || token === 'addrgroup') {
    const value = w.tokens[w.i + 1];
    if (value === undefined) return false;
    // Standard lists display a host without the keyword.
    if (standard && token === 'host') emit(w, value, 2);
    else copy(w, 2);
    return true;
  }
  const addr = ipv4(token);
  if (addr === undefined) return false;
  const wildcardText = w.tokens[w.i + 1];
  const wildcard = wildcardText === undefined ? undefined : ipv4(wildcardText);
  if (wildcard === undefined) {
    if (!standard) return false;
    quad(w, addr, addr);
    return true;
  }
  if (wildcard === 0) emit(w, standard ? formatIpv4(addr) : `host ${formatIpv4(addr)}`, 2);
  else if (wildcard === 0xffffffff) emit(w, 'any', 2);
  else {
    quad(w, addr, (addr & ~wildcard) >>> 0);
    quad(w, wildcard, wildcard);
  }
  return true;
}

/** Writes `value` for the next token, a dotted quad read as `read`: as written if it is the display form. */
function quad(w: Walk, read: number, value: number): void {
  const token = w.tokens[w.i] as string;
  if (value === read && !hasLeadingZero(token)) copy(w, 1);
  else emit(w, formatIpv4(value), 1);
}

/** An optional port match: `eq|neq|lt|gt P` (`eq`/`neq` may list several) or `range P P`. */
function portSpec(w: Walk, table: ReadonlyMap<number, string>): boolean {
  const op = w.tokens[w.i];
  if (op !== 'eq' && op !== 'neq' && op !== 'lt' && op !== 'gt' && op !== 'range') return true;
  copy(w, 1);
  if (w.i >= w.tokens.length) return false;
  port(w, table);
  if (op === 'range') {
    if (w.i >= w.tokens.length) return false;
    port(w, table);
  } else if (op === 'eq' || op === 'neq') {
    for (let t = w.tokens[w.i]; t !== undefined && (DIGITS.test(t) || PORT_NAMES.has(t)); t = w.tokens[w.i]) port(w, table);
  }
  return true;
}

function port(w: Walk, table: ReadonlyMap<number, string>): void {
  const token = w.tokens[w.i] as string;
  const name = DIGITS.test(token) ? table.get(Number(token)) : undefined;
  emit(w, name ?? token, 1);
}

/** A dotted quad as an unsigned 32-bit number; undefined if the text is not one. */
function ipv4(text: string): number | undefined {
  // By hand, not by regex: this runs for every address of every ACL entry.
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return undefined;
      octet = octet * 10 + (c - 48);
    } else if (c === 46 && digits > 0 && dots < 3 && octet <= 255) {
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      return undefined;
    }
  }
  return dots === 3 && digits > 0 && octet <= 255 ? value * 256 + octet : undefined;
}

/** `010.1.1.1`: a form IOS never displays. */
function hasLeadingZero(quad: string): boolean {
  for (let k = 0; k + 1 < quad.length; k++) {
    if (quad.charCodeAt(k) === 48 && (k === 0 || quad.charCodeAt(k - 1) === 46) && quad.charCodeAt(k + 1) !== 46) return true;
  }
  return false;
}

function formatIpv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}
