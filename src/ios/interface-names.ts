// Interface names as IOS displays them. People write `Gi0/1`, `int g0/1` or `GigabitEthernet 0/1`;
// show running-config always prints `GigabitEthernet0/1`. Both sides of a comparison must agree.

/** Interface types IOS can remove (`no interface X`): everything else here is hardware. */
const LOGICAL_TYPES = [
  'Loopback', 'Tunnel', 'Vlan', 'Port-channel', 'Null', 'Dialer', 'BDI', 'BVI',
  'Virtual-Template', 'Multilink', 'VirtualPortGroup', 'nve',
] as const;

const PHYSICAL_TYPES = [
  'Ethernet', 'FastEthernet', 'GigabitEthernet', 'TwoGigabitEthernet', 'FiveGigabitEthernet',
  'TenGigabitEthernet', 'TwentyFiveGigE', 'FortyGigabitEthernet', 'HundredGigE',
  'AppGigabitEthernet', 'Serial', 'Async', 'Cellular',
] as const;

/** Every type name in its display spelling. */
export const INTERFACE_TYPES: readonly string[] = [...PHYSICAL_TYPES, ...LOGICAL_TYPES];

/**
 * Short forms that are not (unique) prefixes of a type, or that other platforms spell
 * differently. Checked before the prefix table, so `tw` is TwoGigabitEthernet (as IOS-XE
 * abbreviates it) although it also starts TwentyFiveGigE. Keys are lower case.
 */
export const INTERFACE_ALIASES: Readonly<Record<string, string>> = {
  e: 'Ethernet',
  f: 'FastEthernet',
  g: 'GigabitEthernet',
  s: 'Serial',
  tw: 'TwoGigabitEthernet',
  twe: 'TwentyFiveGigE',
  vt: 'Virtual-Template',
  // IOS-XR / NX-OS spellings of the same ports.
  twentyfivegigabitethernet: 'TwentyFiveGigE',
  fortygige: 'FortyGigabitEthernet',
  hundredgigabitethernet: 'HundredGigE',
  portchannel: 'Port-channel',
};

const AMBIGUOUS = '';

/**
 * Lower-case spelling → type: the aliases, then every prefix of two or more letters of a type
 * name; a prefix shared by two types maps to AMBIGUOUS. Built once, so a lookup is one Map get.
 */
const TYPE_BY_SPELLING: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const type of INTERFACE_TYPES) {
    const lower = type.toLowerCase();
    for (let len = 2; len <= lower.length; len++) {
      const prefix = lower.slice(0, len);
      const seen = map.get(prefix);
      // A prefix of two types is ambiguous, unless it is one of them in full.
      if (seen === undefined || len === lower.length) map.set(prefix, type);
      else if (seen.toLowerCase() !== prefix) map.set(prefix, AMBIGUOUS);
    }
  }
  for (const [alias, type] of Object.entries(INTERFACE_ALIASES)) map.set(alias, type);
  return map;
})();

const PHYSICAL = new Set<string>(PHYSICAL_TYPES);

/** Type letters (may contain `-`), an optional space, then `slot/port…[:channel][.sub]`. */
const NAME = /^([A-Za-z](?:[A-Za-z-]*[A-Za-z])?) ?(\d+(?:\/\d+)*(?::\d+)?(?:\.\d+)?)$/;
/** A bare number part, for `interface GigabitEthernet 0/1` written as two tokens. */
const NUMBER_PART = /^\d+(?:\/\d+)*(?::\d+)?(?:\.\d+)?$/;

/** IOS's full name for an interface written in any accepted form; undefined if it is not one. */
export function canonicalInterfaceName(name: string): string | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const type = TYPE_BY_SPELLING.get((m[1] as string).toLowerCase());
  return type ? type + (m[2] as string) : undefined;
}

/**
 * Hardware ports (reset with `default interface X`) vs logical interfaces and sub-interfaces
 * (removed with `no interface X`). Unknown names count as logical.
 */
export function isPhysicalInterface(canonicalName: string): boolean {
  if (canonicalName.includes('.')) return false;
  const canonical = canonicalInterfaceName(canonicalName);
  if (canonical === undefined) return false;
  const m = NAME.exec(canonical);
  return m !== null && PHYSICAL.has(m[1] as string);
}

/** Keywords whose next token may be an interface name. */
const REF_KEYWORDS = new Set([
  'interface', 'source-interface', 'passive-interface', 'update-source', 'unnumbered', 'source',
  'trap-source', 'register-source', 'local-address', 'track', 'router-id',
]);

/** Cheap pre-check: a line matching none of these has no interface reference to rewrite. */
const MAYBE_REF = /interface|source|unnumbered|track|router-id|local-address|^(?:(?:no|default) )?int|^(?:no )?ip(?:v6)? route /;

/** Lines of free text, where an interface-looking word is just a word. */
const FREE_TEXT = /^(?:description|remark|alias|banner|snmp-server (?:location|contact)) /;

/** Accepted abbreviations of the `interface` keyword at the start of a header. */
const INTERFACE_KEYWORD = /^int(?:e(?:r(?:f(?:a(?:c(?:e)?)?)?)?)?)?$/;

/**
 * The interface name starting at tokens[at] (one token, or a bare type word and its number
 * when `spaced` allows it): [canonical name, tokens used], or undefined.
 */
function nameAt(tokens: string[], at: number, spaced: boolean): [string, number] | undefined {
  const token = tokens[at];
  if (token === undefined) return undefined;
  const single = canonicalInterfaceName(token);
  if (single !== undefined) return [single, 1];
  const next = tokens[at + 1];
  if (!spaced || next === undefined || !NUMBER_PART.test(next)) return undefined;
  const type = TYPE_BY_SPELLING.get(token.toLowerCase());
  return type ? [type + next, 2] : undefined;
}

/**
 * One normalised line with interface names in their full form: the `interface` header (also
 * abbreviated, also after `no`/`default`), the token after a reference keyword, and interfaces
 * in static routes. Free text (descriptions, remarks, quoted strings) is left as it is.
 */
/** An IPv4 static route via next-hop addresses only (the bulk of large configs): no interface in it. */
const ADDRESS_ONLY_ROUTE = /^(?:no )?ip route (?:vrf \S+ )?[\d. ]+(?: (?:name|tag|track) \S+| permanent)*$/;

export function canonicalizeInterfaceRefs(line: string): string {
  if (!MAYBE_REF.test(line) || FREE_TEXT.test(line) || ADDRESS_ONLY_ROUTE.test(line)) return line;
  // The most common case by far, `interface X`, without splitting the line.
  if (line.startsWith('interface ') && line.indexOf(' ', 10) < 0) {
    const name = line.slice(10);
    const canonical = canonicalInterfaceName(name);
    return canonical === undefined || canonical === name ? line : `interface ${canonical}`;
  }
  // Quoted text (EEM actions, aliases) is kept verbatim: only what comes before it is examined.
  const quote = line.indexOf('"');
  const head = quote < 0 ? line : line.slice(0, quote);
  const tail = quote < 0 ? '' : line.slice(quote);
  const tokens = head.split(' ');
  const out = isRoute(tokens) ? routeRefs(tokens) : keywordRefs(tokens);
  return out === undefined ? line : out.join(' ') + tail;
}

function isRoute(tokens: string[]): boolean {
  const first = tokens[0] === 'no' ? 1 : 0;
  const ip = tokens[first];
  return (ip === 'ip' || ip === 'ipv6') && tokens[first + 1] === 'route';
}

/** Tokens after a reference keyword rewritten; undefined when nothing changed. */
function keywordRefs(tokens: string[]): string[] | undefined {
  const headerAt = tokens[0] === 'no' || tokens[0] === 'default' ? 1 : 0;
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    out.push(token);
    // Everything after these is the user's prose (`neighbor X description …`).
    if (token === 'description' || token === 'remark') {
      for (let k = i + 1; k < tokens.length; k++) out.push(tokens[k] as string);
      break;
    }
    const header = i === headerAt && INTERFACE_KEYWORD.test(token);
    if (!header && !REF_KEYWORDS.has(token)) continue;
    // `source vlan 10` (SPAN) is a VLAN, not interface Vlan10: no two-token names after `source`.
    const found = nameAt(tokens, i + 1, token !== 'source');
    if (!found) continue;
    if (header && token !== 'interface') {
      out[out.length - 1] = 'interface';
      changed = true;
    }
    out.push(found[0]);
    changed ||= found[1] > 1 || found[0] !== tokens[i + 1];
    i += found[1];
  }
  return changed ? out : undefined;
}

/** `[no] ip[v6] route [vrf V] DEST [MASK] …`: interface names after the destination. */
function routeRefs(tokens: string[]): string[] | undefined {
  let i = tokens[0] === 'no' ? 1 : 0;
  const v6 = tokens[i] === 'ipv6';
  i += 2;
  if (tokens[i] === 'vrf') i += 2;
  i += v6 ? 1 : 2;
  const out = tokens.slice(0, i);
  let changed = false;
  while (i < tokens.length) {
    const token = tokens[i] as string;
    // Values of these are names or numbers, never interfaces.
    if (token === 'name' || token === 'tag' || token === 'track') {
      out.push(token);
      if (i + 1 < tokens.length) out.push(tokens[i + 1] as string);
      i += 2;
      continue;
    }
    const found = nameAt(tokens, i, true);
    if (found) {
      out.push(found[0]);
      changed ||= found[1] > 1 || found[0] !== token;
      i += found[1];
    } else {
      out.push(token);
      i++;
    }
  }
  return changed ? out : undefined;
}
