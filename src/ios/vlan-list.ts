// VLAN lists as IOS displays them. IOS keeps a trunk's allowed VLANs as a set and prints it
// sorted with merged ranges, wrapping long lists onto `switchport trunk allowed vlan add …`
// continuation lines; intended configs write the same set in any order and split.

const MIN_VLAN = 1;
const MAX_VLAN = 4094;
const LIST = /^\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*$/;
const PREFIX = 'switchport trunk allowed vlan ';

/** `1-5,10,20-22` → sorted unique VLAN ids; undefined for `all`, `none` or anything invalid. */
export function parseVlanList(text: string): number[] | undefined {
  if (!LIST.test(text)) return undefined;
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const dash = part.indexOf('-');
    const from = Number(dash < 0 ? part : part.slice(0, dash));
    const to = dash < 0 ? from : Number(part.slice(dash + 1));
    // IOS rejects VLAN 0, 4095 and up, and reversed ranges.
    if (from < MIN_VLAN || to > MAX_VLAN || from > to) return undefined;
    for (let v = from; v <= to; v++) ids.add(v);
  }
  return [...ids].sort((a, b) => a - b);
}

/** IOS style: sorted, runs of three or more as `a-b`, shorter runs comma-separated (`10,11`). */
export function formatVlanList(vlans: readonly number[]): string {
  return vlanListParts(vlans).join(',');
}

/** The comma-separated parts of formatVlanList (IOS wraps long lists between parts). */
export function vlanListParts(vlans: readonly number[]): string[] {
  const sorted = [...new Set(vlans)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}-${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts;
}

/**
 * The children of one interface with `switchport trunk allowed vlan X` and the `… add Y` /
 * `… remove Y` lines that follow it folded into one line at the first one's place, applied in
 * order as IOS applies them. A lone `all` or `none` line is kept as written. If any of these
 * lines cannot be read (an `add` before any list, an invalid list), all lines are kept.
 */
export function mergeTrunkAllowedVlanLines(lines: string[]): string[] {
  let first = -1;
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] as string).startsWith(PREFIX)) {
      if (first < 0) first = i;
      count++;
    }
  }
  if (first < 0) return lines;
  const allowed = allowedAfter(lines, first);
  if (allowed === undefined) return lines;
  // A single `all`/`none` line already is the display form.
  const merged = count === 1 && /^(?:all|none)$/.test((lines[first] as string).slice(PREFIX.length))
    ? (lines[first] as string)
    : PREFIX + display(allowed);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i === first) out.push(merged);
    else if (!(lines[i] as string).startsWith(PREFIX)) out.push(lines[i] as string);
  }
  return out;
}

/** The allowed set after applying the lines in order; undefined when one cannot be read. */
function allowedAfter(lines: string[], first: number): Set<number> | undefined {
  let allowed: Set<number> | undefined;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.startsWith(PREFIX)) continue;
    const value = line.slice(PREFIX.length);
    const space = value.indexOf(' ');
    const op = space < 0 ? '' : value.slice(0, space);
    const list = space < 0 ? value : value.slice(space + 1);
    if (op === '') {
      // A full list (or all/none) replaces what was there, as on the device.
      if (list === 'all') allowed = range(MIN_VLAN, MAX_VLAN);
      else if (list === 'none') allowed = new Set();
      else {
        const ids = parseVlanList(list);
        if (!ids) return undefined;
        allowed = new Set(ids);
      }
      continue;
    }
    const ids = parseVlanList(list);
    if (!ids) return undefined;
    if (op === 'except') allowed = exceptOf(ids);
    // `add`/`remove` before any list would change the device's default (all): not ours to guess.
    else if (!allowed) return undefined;
    else if (op === 'add') for (const v of ids) allowed.add(v);
    else if (op === 'remove') for (const v of ids) allowed.delete(v);
    else return undefined;
  }
  return allowed;
}

function display(allowed: Set<number>): string {
  if (allowed.size === 0) return 'none';
  if (allowed.size === MAX_VLAN - MIN_VLAN + 1) return 'all';
  return formatVlanList([...allowed]);
}

function range(from: number, to: number): Set<number> {
  const set = new Set<number>();
  for (let v = from; v <= to; v++) set.add(v);
  return set;
}

function exceptOf(ids: number[]): Set<number> {
  const set = range(MIN_VLAN, MAX_VLAN);
  for (const v of ids) set.delete(v);
  return set;
}
