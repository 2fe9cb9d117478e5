// Value types of the command grammar: how one value is read from the entered tokens and the
// canonical form IOS stores for it. Built-in types are below; an area with values of its own (an
// ACL entry spans many tokens) registers a type with registerTokenType.

import { canonicalInterfaceName } from '../../../ios/interface-names.js';

/**
 * A value read at `tokens[i]`: the tokens it used and its canonical text, or where it went wrong
 * as a token offset from `i` (0: `tokens[i]` itself). An offset at or past the end of `tokens`
 * means the input ended too early (IOS: `% Incomplete command.`).
 */
export type TokenMatch = { consumed: number; value: string } | { errorOffset: number };
export type TokenType = (tokens: readonly string[], i: number) => TokenMatch;

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const DIGITS = /^\d+$/;
const VLAN_LIST = /^\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*$/;
const HEX = /^(?:0x)?[0-9a-fA-F]+$/;
/** The number part of an interface name written apart from its type: `GigabitEthernet 0/1`. */
const INTERFACE_NUMBER = /^\d+(?:\/\d+)*(?::\d+)?(?:\.\d+)?$/;

const BAD: TokenMatch = { errorOffset: 0 };

/** One token checked by `read`, which gives the canonical text or undefined. */
function single(read: (token: string) => string | undefined): TokenType {
  return (tokens, i) => {
    const value = read(tokens[i] as string);
    return value === undefined ? BAD : { consumed: 1, value };
  };
}

/** `A.B.C.D` with every part 0–255, without leading zeros; undefined if not one. */
export function dottedQuad(token: string): string | undefined {
  const m = DOTTED_QUAD.exec(token);
  if (!m) return undefined;
  const parts = m.slice(1, 5).map(Number);
  return parts.every((p) => p <= 255) ? parts.join('.') : undefined;
}

function integerIn(token: string, min: number, max: number): string | undefined {
  if (!DIGITS.test(token)) return undefined;
  const n = Number(token);
  return n >= min && n <= max ? String(n) : undefined;
}

/** `num(min-max)`; `num` alone is any 32-bit unsigned integer. */
function numberType(min = 0, max = 4_294_967_295): TokenType {
  return single((token) => integerIn(token, min, max));
}

function prefix(token: string): string | undefined {
  const slash = token.indexOf('/');
  if (slash < 0) return undefined;
  const address = dottedQuad(token.slice(0, slash));
  const length = integerIn(token.slice(slash + 1), 0, 32);
  return address === undefined || length === undefined ? undefined : `${address}/${length}`;
}

function vlanList(token: string): string | undefined {
  if (!VLAN_LIST.test(token)) return undefined;
  for (const part of token.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    if (from < 1 || to > 4094 || from > to) return undefined;
  }
  return token;
}

/** Plain (1–4294967295) or asdot (`1.10`) notation, as entered. */
function asNumber(token: string): string | undefined {
  if (DIGITS.test(token)) return integerIn(token, 1, 4_294_967_295);
  const dot = token.indexOf('.');
  if (dot < 0) return undefined;
  const high = integerIn(token.slice(0, dot), 0, 65_535);
  const low = integerIn(token.slice(dot + 1), 0, 65_535);
  return high === undefined || low === undefined || (high === '0' && low === '0') ? undefined : `${high}.${low}`;
}

/** `gi0/1`, `Gi 0/1`, `GigabitEthernet0/1.100`, `Po1`, `Vlan10` → IOS's full name. */
const interfaceName: TokenType = (tokens, i) => {
  const token = tokens[i] as string;
  const single = canonicalInterfaceName(token);
  if (single !== undefined) return { consumed: 1, value: single };
  const next = tokens[i + 1];
  if (/\d/.test(token) || next === undefined || !INTERFACE_NUMBER.test(next)) return BAD;
  const spaced = canonicalInterfaceName(token + next);
  return spaced === undefined ? BAD : { consumed: 2, value: spaced };
};

const BUILT_IN: ReadonlyMap<string, TokenType> = new Map([
  ['word', single((token) => token)],
  ['num', numberType()],
  ['ip', single(dottedQuad)],
  ['mask', single(dottedQuad)],
  ['prefix', single(prefix)],
  ['ifname', interfaceName],
  ['vlans', single(vlanList)],
  ['asn', single(asNumber)],
  ['hex', single((token) => (HEX.test(token) ? token : undefined))],
]);

/** `line` is read by the matcher itself: it needs the raw text, spacing included. */
export const REST_OF_LINE = 'line';

const registered = new Map<string, TokenType>();

/** Adds a value type for `<label:name>`; names are global, so one name has one reader. */
export function registerTokenType(name: string, type: TokenType): void {
  if (name === REST_OF_LINE || BUILT_IN.has(name)) throw new Error(`token type "${name}" is built in`);
  const existing = registered.get(name);
  if (existing !== undefined && existing !== type) throw new Error(`token type "${name}" is already registered`);
  registered.set(name, type);
}

/** The reader of a type name (with its range for `num`), or undefined if there is none. */
export function tokenType(name: string, range?: readonly [number, number]): TokenType | undefined {
  if (name === 'num' && range) return numberType(range[0], range[1]);
  return BUILT_IN.get(name) ?? registered.get(name);
}
