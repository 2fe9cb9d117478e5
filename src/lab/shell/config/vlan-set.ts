// VLAN sets as a switch keeps them for `switchport trunk allowed vlan`, and the lines IOS prints
// for one: sorted, runs of three or more as ranges, wrapped onto `… add …` continuation lines.

const ALL_VLANS_COUNT = 4094;

/** `1-5,10` → the set; the grammar has already checked the syntax and the 1–4094 range. */
export function parseVlans(list: string): Set<number> {
  const out = new Set<number>();
  for (const part of list.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    for (let v = from; v <= to; v++) out.add(v);
  }
  return out;
}

export function allVlans(): Set<number> {
  const out = new Set<number>();
  for (let v = 1; v <= ALL_VLANS_COUNT; v++) out.add(v);
  return out;
}

/** The comma-separated parts IOS prints: `1-3`, `5`, `7`, `8`. */
function vlanParts(vlans: ReadonlySet<number>): string[] {
  const sorted = [...vlans].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}-${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts;
}

/** Longest list IOS puts on one `switchport trunk allowed vlan` line before wrapping. */
const LIST_WIDTH = 47;

/** The running-config lines for an allowed set (none for all VLANs, the default). */
export function trunkAllowedLines(vlans: ReadonlySet<number>): string[] {
  if (vlans.size === ALL_VLANS_COUNT) return [];
  if (vlans.size === 0) return ['switchport trunk allowed vlan none'];
  const lists: string[] = [];
  let current = '';
  for (const part of vlanParts(vlans)) {
    if (current !== '' && current.length + 1 + part.length > LIST_WIDTH) {
      lists.push(current);
      current = '';
    }
    current = current === '' ? part : `${current},${part}`;
  }
  lists.push(current);
  return lists.map((list, i) => `switchport trunk allowed vlan ${i === 0 ? '' : 'add '}${list}`);
}
