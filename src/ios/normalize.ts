// Normalisation: the device's text and the text people write become comparable trees.
// Drops what is not configuration, canonicalises names and lists, applies ignore rules.

import { expandCommonAbbreviations } from './abbreviations.js';
import { canonicalAclEntry } from './acl-entry.js';
import { canonicalizeInterfaceRefs } from './interface-names.js';
import type { Platform } from './platform.js';
import { ciscoIos } from './platforms/cisco-ios.js';
import type { ConfigNode, ConfigTree } from './types.js';
import { mergeTrunkAllowedVlanLines } from './vlan-list.js';

/** Drop lines matching `match` (with everything under them), optionally only inside sections matching `within`. */
export interface IgnoreRule {
  match: RegExp;
  within?: RegExp;
}

export interface NormalizeOptions {
  ignore?: IgnoreRule[];
  /** Treat `version …` as volatile (it changes with software upgrades, not with intent). */
  ignoreVersion?: boolean;
  platform?: Platform;
  /**
   * Reuse the input's nodes instead of copying them (faster on large configs). Only for a tree
   * the caller no longer needs, such as one straight from parseConfig.
   */
  inPlace?: boolean;
}

interface Context {
  platform: Platform;
  /** The platform's volatile-line patterns as one regex: one test per top-level line. */
  volatile: RegExp;
  ignore: IgnoreRule[];
  /** Section headers above a line are only collected when an ignore rule asks for them. */
  needsAncestors: boolean;
  ignoreVersion: boolean;
  inPlace: boolean;
}

const combinedVolatile = new WeakMap<Platform, RegExp>();

function volatileRegex(platform: Platform): RegExp {
  let re = combinedVolatile.get(platform);
  if (!re) {
    re = new RegExp(platform.volatileLines.map((v) => `(?:${v.source})`).join('|'));
    combinedVolatile.set(platform, re);
  }
  return re;
}

const NAMED_ACL = /^ip access-list (standard|extended) (\S+)$/;
const NUMBERED_ACL_LINE = /^access-list (\d+) (.+)$/;
const PREFIX_LIST_ENTRY = /^(ip|ipv6) prefix-list (\S+) (?:seq (\d+) )?((?:permit|deny) .+)$/;

export function normalizeConfig(tree: ConfigTree, options: NormalizeOptions = {}): ConfigTree {
  const platform = options.platform ?? ciscoIos;
  const ignore = options.ignore ?? [];
  const ctx: Context = {
    platform,
    volatile: volatileRegex(platform),
    ignore,
    needsAncestors: ignore.some((rule) => rule.within !== undefined),
    ignoreVersion: options.ignoreVersion ?? false,
    inPlace: options.inPlace ?? false,
  };
  const top = normalizeLevel(tree.children, undefined, [], ctx);
  return { children: normalizeTopLevelLists(top) };
}

/** The canonical text of one line: single spaces, expanded keywords, full interface names. */
export function canonicalLine(text: string): string {
  const collapsed = text.includes('  ') || text.includes('\t') ? text.replace(/\s+/g, ' ').trim() : text;
  return canonicalizeInterfaceRefs(expandCommonAbbreviations(collapsed));
}

function normalizeLevel(nodes: ConfigNode[], parent: string | undefined, ancestors: string[], ctx: Context): ConfigNode[] {
  const out: ConfigNode[] = [];
  const hidden = parent === undefined ? [] : ctx.platform.hiddenDefaults.filter((h) => h.scope.test(parent));
  // Small sections (the vast majority) find duplicates by a scan: cheaper than a Map.
  const byText = nodes.length > 16 ? new Map<string, ConfigNode>() : undefined;
  // Indexed loops: hot on large configs, and for…of deoptimises here when the process is cold.
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as ConfigNode;
    const text = canonicalLine(node.text);
    if (isDropped(text, parent, ancestors, ctx)) continue;
    const children =
      node.children.length > 0
        ? normalizeLevel(node.children, text, ctx.needsAncestors ? [...ancestors, text] : ancestors, ctx)
        : ctx.inPlace
          ? node.children // the parser's own empty array: one allocation fewer per line
          : [];
    const existing = byText ? byText.get(text) : findByText(out, text);
    if (existing) {
      // IOS merges a section entered twice; a repeated line is one line.
      existing.children = mergeChildren(existing.children, children);
      if (node.body !== undefined) existing.body = node.body;
      continue;
    }
    let normalized: ConfigNode;
    if (ctx.inPlace) {
      normalized = node;
      node.text = text;
      node.children = children;
    } else {
      normalized = { text, line: node.line, children };
      if (node.body !== undefined) normalized.body = node.body;
    }
    byText?.set(text, normalized);
    out.push(normalized);
  }
  if (parent === undefined) return out;
  // After the section's own canonical forms: merging trunk VLAN lines can yield the default.
  const children = normalizeSectionChildren(parent, out);
  return hidden.length === 0 ? children : children.filter((n) => !hidden.some((h) => h.match.test(n.text)));
}

function findByText(nodes: ConfigNode[], text: string): ConfigNode | undefined {
  for (let i = 0; i < nodes.length; i++) if ((nodes[i] as ConfigNode).text === text) return nodes[i];
  return undefined;
}

function isDropped(text: string, parent: string | undefined, ancestors: string[], ctx: Context): boolean {
  if (parent === undefined) {
    if (ctx.volatile.test(text)) return true;
    if (ctx.ignoreVersion && text.startsWith('version ')) return true;
  }
  for (const rule of ctx.ignore) {
    if (rule.match.test(text) && (!rule.within || ancestors.some((header) => rule.within?.test(header)))) return true;
  }
  return false;
}

function mergeChildren(a: ConfigNode[], b: ConfigNode[]): ConfigNode[] {
  const merged = [...a];
  const byText = new Map(a.map((node) => [node.text, node]));
  for (const node of b) {
    const existing = byText.get(node.text);
    if (!existing) {
      merged.push(node);
      byText.set(node.text, node);
    } else {
      existing.children = mergeChildren(existing.children, node.children);
    }
  }
  return merged;
}

function normalizeSectionChildren(header: string, children: ConfigNode[]): ConfigNode[] {
  if (header.startsWith('interface ') && children.some((c) => c.text.startsWith('switchport trunk allowed vlan'))) {
    return mergeTrunkAllowedVlanLines(children.map((c) => c.text)).map((text) => ({ text, line: lineOf(children, text), children: [] }));
  }
  const acl = NAMED_ACL.exec(header);
  if (acl) return normalizeAclEntries(children, acl[1] as 'standard' | 'extended');
  return children;
}

function lineOf(children: ConfigNode[], text: string): number {
  return children.find((c) => c.text === text)?.line ?? children[0]?.line ?? 0;
}

/**
 * Named ACL entries in sequence order, without their numbers (classic IOS show run prints none;
 * order is what counts), in IOS's display form.
 */
function normalizeAclEntries(entries: ConfigNode[], kind: 'standard' | 'extended'): ConfigNode[] {
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

/**
 * Numbered ACLs in display form (also when written as `ip access-list standard 10`), and
 * prefix-list entries with the sequence numbers IOS assigns when none is given.
 */
function normalizeTopLevelLists(nodes: ConfigNode[]): ConfigNode[] {
  const out: ConfigNode[] = [];
  let rewritten = false;
  const lastSeq = new Map<string, number>();
  const rewrite = (node: ConfigNode, text: string): ConfigNode => {
    if (text === node.text) return node;
    rewritten = true;
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
      for (const entry of node.children) out.push({ text: `access-list ${named[2]} ${entry.text}`, line: entry.line, children: [] });
      continue;
    }
    const numbered = NUMBERED_ACL_LINE.exec(node.text);
    if (numbered) {
      const kind = numberedAclKind(Number(numbered[1]));
      out.push(kind ? rewrite(node, `access-list ${numbered[1]} ${canonicalAclEntry(numbered[2] as string, kind)}`) : node);
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
  // Lines were unique before; only a rewritten line can now repeat another one.
  return rewritten ? dedupe(out) : out;
}

function dedupe(nodes: ConfigNode[]): ConfigNode[] {
  const seen = new Set<string>();
  return nodes.filter((node) => !seen.has(node.text) && seen.add(node.text) !== undefined);
}
