// The intended config as a person writes it: two-space indentation, blank lines and `!`
// comments, abbreviated commands and interface names, ACL entries with sequence numbers or in
// a non-display form, prefix-list entries without `seq`, trunk VLAN lists split over `add`
// lines, numbered ACLs in `ip access-list` mode. Only variations that docs/ios-engine.md's
// normalisation undoes are used, so the text means exactly what the running-config form means.

import { PORT_NUMBERS } from './lab-entries.js';
import type { Block, DocNode } from './render-doc.js';
import { createRandom, type Random } from './random.js';

const UNIT = '  ';
const SHORT_TYPES: [string, string][] = [
  ['TenGigabitEthernet', 'Te'],
  ['GigabitEthernet', 'Gi'],
  ['Port-channel', 'Po'],
  ['Loopback', 'Lo'],
  ['Vlan', 'Vl'],
  ['Null', 'Null'],
];
const COMMENTS = ['! --- managed by CatNet ---', '! reviewed', '! TODO: tidy up', '!!', '! ----------------------------------------'];

export function renderHuman(blocks: readonly Block[], seed: number): string {
  const rng = createRandom(seed);
  const out: string[] = [`! intended configuration (seed ${seed})`, ''];
  for (const block of blocks) {
    if (isNumberedAclBlock(block)) writeTopLines(out, block, rng);
    else if (block[0]?.text.startsWith('ip prefix-list ')) writePrefixLists(out, block, rng);
    else for (const node of block) writeNode(out, node, '', undefined, rng);
    const r = rng.next();
    if (r < 0.5) out.push('!');
    else if (r < 0.75) out.push('');
    else if (r < 0.9) out.push('', rng.pick(COMMENTS));
    else out.push('!', '');
  }
  if (rng.chance(0.7)) out.push('end');
  out.push('');
  return out.join('\n');
}

/** `GigabitEthernet0/0/1` → `Gi0/0/1` (sometimes `gi0/0/1`). */
export function shortName(name: string, rng: Random): string {
  for (const [long, short] of SHORT_TYPES) {
    if (name.startsWith(long)) return (rng.chance(0.2) ? short.toLowerCase() : short) + name.slice(long.length);
  }
  return name;
}

function interfaceHeader(name: string, rng: Random): string {
  const r = rng.next();
  if (r < 0.3) return `interface ${name}`;
  if (r < 0.6) return `int ${shortName(name, rng)}`;
  if (r < 0.85) return `interface ${shortName(name, rng)}`;
  const m = /^([A-Za-z-]+)(\d.*)$/.exec(name);
  return m ? `interface ${m[1]} ${m[2]}` : `interface ${name}`;
}

function writeNode(out: string[], node: DocNode, indent: string, parent: string | undefined, rng: Random): void {
  if (node.bang && rng.chance(0.5)) out.push(`${indent}!`);
  if (node.body !== undefined) {
    writeBanner(out, node, rng);
    return;
  }
  const text = humanLine(node.text, parent, rng);
  out.push(indent + text);
  const children = node.children ?? [];
  const inner = indent + UNIT;
  const acl = /^ip access-list (standard|extended) /.exec(node.text);
  if (acl) writeAclEntries(out, children, inner, acl[1] === 'extended', rng);
  else if (node.text.startsWith('interface ')) writeInterfaceChildren(out, children, inner, node.text, rng);
  else for (const child of children) writeNode(out, child, inner, node.text, rng);
  if (node.close) out.push(indent + node.close);
}

/** One line in a hand-written form with the same meaning. */
function humanLine(text: string, parent: string | undefined, rng: Random): string {
  if (parent === undefined) {
    if (text.startsWith('interface ')) return interfaceHeader(text.slice(10), rng);
    if (text.startsWith('ip route ') && text.includes(' Null0')) return rng.chance(0.5) ? text.replace(' Null0', ' null0') : text;
    return text;
  }
  let m = /^passive-interface (\S+)$/.exec(text);
  if (m && rng.chance(0.6)) return `passive-interface ${shortName(m[1] as string, rng)}`;
  m = /^(neighbor \S+ update-source) (\S+)$/.exec(text);
  if (m && rng.chance(0.6)) return `${m[1]} ${shortName(m[2] as string, rng)}`;
  if (!parent.startsWith('interface ')) return text;
  if (text === 'shutdown' && rng.chance(0.4)) return 'shut';
  if (text.startsWith('description ') && rng.chance(0.3)) return `desc ${text.slice(12)}`;
  if (text.startsWith('ip address ') && rng.chance(0.3)) return `ip add ${text.slice(11)}`;
  return text;
}

function writeInterfaceChildren(out: string[], children: DocNode[], indent: string, header: string, rng: Random): void {
  // People write the primary address first and the VLAN list in whatever pieces they like.
  const lines = children.map((c) => c.text);
  const secondaries = lines.filter((l) => l.endsWith(' secondary'));
  const trunk = lines.filter((l) => l.startsWith('switchport trunk allowed vlan '));
  let done = false;
  for (const line of lines) {
    if (line.endsWith(' secondary') || line.startsWith('switchport trunk allowed vlan ')) {
      if (!done && trunk.length > 0 && line.startsWith('switchport trunk allowed vlan ')) {
        for (const t of splitTrunk(trunk, rng)) out.push(indent + t);
        done = true;
      }
      continue;
    }
    out.push(indent + humanLine(line, header, rng));
    if (line.startsWith('ip address ')) for (const s of secondaries) out.push(indent + humanLine(s, header, rng));
  }
  if (!lines.includes('shutdown') && rng.chance(0.2)) out.push(`${indent}no shutdown`);
  if (rng.chance(0.1)) out.push(`${indent}exit`);
}

function splitTrunk(lines: string[], rng: Random): string[] {
  const parts = lines.flatMap((l) => l.replace(/^switchport trunk allowed vlan (add )?/, '').split(','));
  if (parts.length < 2 || rng.chance(0.4)) return [`switchport trunk allowed vlan ${parts.join(',')}`];
  const cut = rng.int(1, parts.length - 1);
  return [`switchport trunk allowed vlan ${parts.slice(0, cut).join(',')}`, `switchport trunk allowed vlan add ${parts.slice(cut).join(',')}`];
}

function writeAclEntries(out: string[], entries: DocNode[], indent: string, extended: boolean, rng: Random): void {
  const numbered = rng.chance(0.4);
  entries.forEach((entry, i) => {
    const text = aclEntry(entry.text, extended, rng);
    out.push(`${indent}${numbered ? `${(i + 1) * 10} ` : ''}${text}`);
  });
}

/** An ACL entry single-spaced, and sometimes as people type it (`80`, `A 0.0.0.0`, …). */
function aclEntry(entry: string, extended: boolean, rng: Random): string {
  const text = entry.replace(/\s+/g, ' ');
  if (!extended || text.startsWith('remark') || !rng.chance(0.3)) return text;
  const tokens = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const prev = tokens[i - 1];
    if (token === 'host' && i + 1 < tokens.length) {
      out.push(tokens[i + 1] as string, '0.0.0.0');
      i++;
    } else if (token === 'any') out.push('0.0.0.0', '255.255.255.255');
    else if ((prev === 'eq' || prev === 'gt' || prev === 'lt') && PORT_NUMBERS[token] !== undefined) out.push(String(PORT_NUMBERS[token]));
    else out.push(token);
  }
  return out.join(' ');
}

function isNumberedAclBlock(block: Block): boolean {
  return block.some((n) => n.text.startsWith('access-list '));
}

/** `logging host` and numbered ACL lines; some lists written in `ip access-list` mode. */
function writeTopLines(out: string[], block: Block, rng: Random): void {
  let i = 0;
  while (i < block.length) {
    const text = (block[i] as DocNode).text;
    const m = /^access-list (\d+) /.exec(text);
    if (!m) {
      out.push(text);
      i++;
      continue;
    }
    const prefix = m[0];
    let j = i;
    while (j < block.length && (block[j] as DocNode).text.startsWith(prefix)) j++;
    const entries = block.slice(i, j).map((n) => ({ text: n.text.slice(prefix.length) }));
    const num = Number(m[1]);
    if (rng.chance(0.3)) {
      out.push(`ip access-list ${num < 100 ? 'standard' : 'extended'} ${num}`);
      writeAclEntries(out, entries, UNIT, num >= 100, rng);
    } else {
      for (const e of entries) out.push(prefix + aclEntry(e.text, num >= 100, rng));
    }
    i = j;
  }
}

/** Prefix-list entries, leaving out `seq N` where IOS would number the entry N anyway. */
function writePrefixLists(out: string[], block: Block, rng: Random): void {
  let last = 0;
  for (const node of block) {
    const m = /^(ip prefix-list \S+) seq (\d+) (.*)$/.exec(node.text);
    if (!m) {
      out.push(node.text);
      continue;
    }
    const seq = Number(m[2]);
    out.push(seq === last + 5 && rng.chance(0.6) ? `${m[1]} ${m[3]}` : node.text);
    last = Math.max(last, seq);
  }
}

function writeBanner(out: string[], node: DocNode, rng: Random): void {
  const body = node.body ?? '';
  const delimiter = rng.pick(['^C', '#', '%', '~'].filter((d) => !body.includes(d)));
  if (!body.includes('\n') && rng.chance(0.5)) out.push(`${node.text} ${delimiter}${body}${delimiter}`);
  else out.push(`${node.text} ${delimiter}`, body, delimiter);
}
