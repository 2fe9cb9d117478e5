// Abbreviations people type in intended configs that IOS always displays in full.
//
// The table is deliberately small. IOS accepts any unambiguous prefix of a keyword, but whether
// a prefix is unambiguous depends on the mode (global, interface, router, …), the platform and
// the software release: `sh` is `shutdown` under an interface and ambiguous elsewhere, `ip add`
// is `ip address` under an interface and could be `ip address-pool` globally. Expanding
// everything would need the device's command grammar. These few forms are unambiguous wherever
// they are written and cover most hand-written configs; anything else is compared as written.

/** `int`, `inte`, …, `interfac` (IOS needs three letters here: `in` is also `inventory`…). */
const INTERFACE_ABBREV = /^(?:(no|default) )?int(?:e(?:r(?:f(?:a(?:c)?)?)?)?)? /;
/** `shut` … `shutdow`, alone or negated: the line is the whole command. */
const SHUTDOWN_ABBREV = /^(no )?shut(?:d(?:o(?:w)?)?)?$/;
/** `desc` … `descriptio`, with its text or negated. */
const DESCRIPTION_ABBREV = /^(no )?desc(?:r(?:i(?:p(?:t(?:i(?:o)?)?)?)?)?)?(?= |$)/;
/** `ip add`/`ip addr`/… before an IPv4 address or `dhcp`: only `ip address` takes those. */
const IP_ADDRESS_ABBREV = /^(no )?ip add(?:r(?:e(?:s)?)?)? (?=\d+\.\d+\.\d+\.\d+|dhcp\b|negotiated\b)/;

/** One normalised line with the table's abbreviations written out; other lines unchanged. */
export function expandCommonAbbreviations(line: string): string {
  // Fast path: plain prefix tests (at `at`, after an optional `no `) rule out almost every line
  // before any regex runs.
  const at = line.startsWith('no ') ? 3 : line.startsWith('default ') ? 8 : 0;
  if (line.startsWith('int', at)) return line.startsWith('interface ', at) ? line : line.replace(INTERFACE_ABBREV, interfaceKeyword);
  if (at === 8) return line;
  if (line.startsWith('shut', at)) return line.length - at === 8 ? line : line.replace(SHUTDOWN_ABBREV, '$1shutdown');
  if (line.startsWith('ip add', at)) return line.startsWith('ip address ', at) ? line : line.replace(IP_ADDRESS_ABBREV, '$1ip address ');
  if (line.startsWith('desc', at)) return line.startsWith('description', at) ? line : line.replace(DESCRIPTION_ABBREV, '$1description');
  return line;
}

function interfaceKeyword(_match: string, prefix: string | undefined): string {
  return prefix ? `${prefix} interface ` : 'interface ';
}
