// Canonical forms of ordered lists: named ACL entries (under their section) and the top-level
// lists, numbered ACLs and prefix-lists, whose entries are separate top-level lines.

import { canonicalAclEntry } from './acl-entry.js';
import type { ConfigNode } from './types.js';

const NAMED_ACL = /^ip access-list (standard|extended) (\S+)$/;
const NUMBERED_ACL_LINE = /^access-list (\d+) (.+)$/;
const NAMED_NUMBERED_ACL = /^ip access-list (?:standard|extended) \d+$/;
const PREFIX_LIST_ENTRY = /^(ip|ipv6) prefix-list (\S+) (?:seq (\d+) )?((?:permit|deny) .+)$/;

/** The kind of a named ACL section header; undefined for any other line. */
export function namedAclKind(header: string): 'standard' | 'extended' | undefined {
  return NAMED_ACL.exec(header)?.[1] as 'standard' | 'extended' | undefined;
}

/**
 * Named ACL entries in sequence order, without their numbers (classic IOS show run prints none;
 * order is what counts), in IOS's display form.
 */
export function normalizeAclEntries(entries: ConfigNode[], kind: 'standard' | 'extended'): ConfigNode[] {
  let last = 0;
  const numbered = entries.map((node, index) => {
    const m = /^(\d+) (.+)$/.exec(node.text);
    const seq = m ? Number(m[1]) : last + 10;
    last = Math.max(last, seq);
    return { seq, index, node: { ...node, text: canonicalAclEntry(m ? (m[2] as string) : node.text, kind) } };
  });
  numbered.sort((x, y) => x.seq - y.seq || x.index - y.index);
  const seen = new Set<string>();
  const out: ConfigNode[] = [];
  for (const { node } of numbered) {
    if (seen.has(node.text)) continue;
    seen.add(node.text);
    out.push(node);
  }
  return out;
}

export function numberedAclKind(num: number): 'standard' | 'extended' | undefined {
  if ((num >= 1 && num <= 99) || (num >= 1300 && num <= 1999)) return 'standard';
  if ((num >= 100 && num <= 199) || (num >= 2000 && num <= 2699)) return 'extended';
  return undefined;
}

/** `access-list N <entry>` with the entry in IOS's display form (standard and extended lists). */
export function canonicalNumberedAclLine(text: string): string {
  const numbered = NUMBERED_ACL_LINE.exec(text);
  const kind = numbered ? numberedAclKind(Number(numbered[1])) : undefined;
  if (!numbered || !kind) return text;
  const entry = canonicalAclEntry(numbered[2] as string, kind);
  return entry === numbered[2] ? text : `access-list ${numbered[1]} ${entry}`;
}

/**
 * Numbered ACLs written as `ip access-list standard 10` become `access-list 10 …` lines, and
 * prefix-list entries get the sequence numbers IOS assigns when none is given: both depend on
 * the lines around. Nodes are replaced, never changed (a pair's configs may share them), and
 * `complete` is called on each before its children are read or copied.
 */
export function normalizeTopLevelLists(nodes: ConfigNode[], complete?: (node: ConfigNode) => void): ConfigNode[] {
  // Most configs have neither: one pass of prefix tests says so, without a regex per entry.
  if (!nodes.some((node) => needsLinesAround(node.text))) return nodes;
  const out: ConfigNode[] = [];
  let rewritten = false;
  const lastSeq = new Map<string, number>();
  const rewrite = (node: ConfigNode, text: string): ConfigNode => {
    rewritten = true;
    complete?.(node);
    return { ...node, text };
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as ConfigNode;
    if (!node.text.includes('-list ')) {
      // Neither an ACL nor a prefix-list: the common case, no regex needed.
      out.push(node);
      continue;
    }
    const named = NAMED_ACL.exec(node.text);
    if (named && /^\d+$/.test(named[2] as string)) {
      rewritten = true;
      complete?.(node);
      for (const entry of node.children) out.push({ text: `access-list ${named[2]} ${entry.text}`, line: entry.line, children: [] });
      continue;
    }
    const prefix = PREFIX_LIST_ENTRY.exec(node.text);
    if (prefix) {
      const list = `${prefix[1]} prefix-list ${prefix[2]}`;
      const seq = prefix[3] ? Number(prefix[3]) : (lastSeq.get(list) ?? 0) + 5;
      lastSeq.set(list, Math.max(seq, lastSeq.get(list) ?? 0));
      out.push(prefix[3] ? node : rewrite(node, `${list} seq ${seq} ${prefix[4]}`));
      continue;
    }
    out.push(node);
  }
  // Lines were unique before; only a new line can now repeat another one.
  return rewritten ? dedupe(out, complete) : out;
}

/** A numbered ACL written as a named one, or a prefix-list entry without `seq`. */
export function needsLinesAround(text: string): boolean {
  if (text.startsWith('ip access-list ')) return NAMED_NUMBERED_ACL.test(text);
  const from = text.startsWith('ip prefix-list ') ? 15 : text.startsWith('ipv6 prefix-list ') ? 17 : -1;
  if (from < 0) return false;
  const nameEnd = text.indexOf(' ', from);
  return nameEnd > 0 && !text.startsWith(' seq ', nameEnd) && PREFIX_LIST_ENTRY.test(text);
}

function dedupe(nodes: ConfigNode[], complete?: (node: ConfigNode) => void): ConfigNode[] {
  const seen = new Set<string>();
  return nodes.filter((node) => {
    if (!seen.has(node.text)) return seen.add(node.text) !== undefined;
    complete?.(node); // dropped here, it may still be in the other config of a pair
    return false;
  });
}
