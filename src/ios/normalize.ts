// Normalisation: the device's text and the text people write become comparable trees.
// Drops what is not configuration, canonicalises names and lists, applies ignore rules.

import { expandCommonAbbreviations } from './abbreviations.js';
import { canonicalizeInterfaceRefs } from './interface-names.js';
import { addMerged, SeenTexts } from './merge-lines.js';
import { canonicalNumberedAclLine, namedAclKind, needsLinesAround, normalizeAclEntries, normalizeTopLevelLists } from './normalize-lists.js';
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

/** The section headers above a top-level line, or above any line when no rule reads them. Never mutated. */
const NO_ANCESTORS: readonly string[] = [];

function volatileRegex(platform: Platform): RegExp {
  let re = combinedVolatile.get(platform);
  if (!re) {
    re = new RegExp(platform.volatileLines.map((v) => `(?:${v.source})`).join('|'));
    combinedVolatile.set(platform, re);
  }
  return re;
}

export function normalizeConfig(tree: ConfigTree, options: NormalizeOptions = {}): ConfigTree {
  const blocks = new BlockNormalizer(options);
  return blocks.tree(tree.children.map((node) => blocks.block(node)));
}

/** What is under a block given to BlockNormalizer.header(), as written: read when needed. */
export interface WrittenChildren {
  /** The lines under it as parsed, not normalised; */
  parse: () => ConfigNode[];
  /** how many lines they make in the text diff (serialize.ts), known without parsing them. */
  lineCount: number;
}

/**
 * Normalisation block by block, for two configs prepared as a pair (pair.ts): a top-level block
 * is a function of its own lines, so one node can serve both configs, and its children can wait
 * until something reads them (header()). Top-level lists and duplicates are config-wide (tree()).
 */
export class BlockNormalizer {
  private readonly ctx: Context;
  /** Blocks whose header is normalised, with what gives their children as parsed. */
  private readonly deferred = new Map<ConfigNode, WrittenChildren>();
  /** Whether a block needs the lines around it for its form (see normalizeTopLevelLists). */
  private contextual = false;

  constructor(options: NormalizeOptions) {
    this.ctx = contextOf(options);
  }

  /** A top-level block, all of it; undefined when it is dropped. */
  block(node: ConfigNode): ConfigNode | undefined {
    return this.noted(normalizeNode(node, undefined, NO_ANCESTORS, this.ctx));
  }

  /**
   * A top-level block, its header only; `children` gives what is under it as parsed, which
   * complete() normalises. The caller knows there is nothing under it when it gives none.
   */
  header(node: ConfigNode, children: WrittenChildren | undefined): ConfigNode | undefined {
    const text = lineText(node.text, undefined, NO_ANCESTORS, this.ctx);
    if (text === undefined) return undefined;
    const normalized = this.ctx.inPlace ? node : { ...node };
    normalized.text = text;
    if (children) this.deferred.set(normalized, children);
    return this.noted(normalized);
  }

  private noted(node: ConfigNode | undefined): ConfigNode | undefined {
    if (node && !this.contextual && needsLinesAround(node.text)) this.contextual = true;
    return node;
  }

  /**
   * The config made of these blocks: duplicates merged, top-level lists in IOS's form.
   * `seen` receives the blocks' texts; `distinct` says no two blocks have one text (the caller
   * knows: no merging to do).
   */
  tree(blocks: Array<ConfigNode | undefined>, seen?: SeenTexts, distinct = false): ConfigTree {
    const out: ConfigNode[] = [];
    const texts = seen ?? (blocks.length > 16 ? new SeenTexts() : undefined);
    for (let k = 0; k < blocks.length; k++) {
      const node = blocks[k];
      if (!node) continue;
      if (distinct) out.push(node);
      else addMerged(out, texts, node, this.complete);
    }
    // Checked block by block above: most configs need no pass over all their lines here.
    return { children: this.contextual ? normalizeTopLevelLists(out, this.complete) : out };
  }

  /** What is under a block given to header() and not completed since, as written; else undefined. */
  readonly written = (node: ConfigNode): WrittenChildren | undefined => this.deferred.get(node);

  /** Normalises the children of a block given to header(); nothing for any other node. */
  readonly complete = (node: ConfigNode): void => {
    const children = this.deferred.get(node);
    if (!children) return;
    this.deferred.delete(node);
    const parsed = children.parse();
    // A block with only comments or terminators under it has no children.
    if (parsed.length > 0) node.children = normalizeLevel(parsed, node.text, this.ctx.needsAncestors ? [node.text] : NO_ANCESTORS, this.ctx);
  };

  /** Completes every block given to header(). */
  completeAll(): void {
    for (const node of this.deferred.keys()) this.complete(node);
  }
}

function contextOf(options: NormalizeOptions): Context {
  const platform = options.platform ?? ciscoIos;
  const ignore = options.ignore ?? [];
  return {
    platform,
    volatile: volatileRegex(platform),
    ignore,
    needsAncestors: ignore.some((rule) => rule.within !== undefined),
    ignoreVersion: options.ignoreVersion ?? false,
    inPlace: options.inPlace ?? false,
  };
}

/** The canonical text of one line: single spaces, expanded keywords, full interface names. */
export function canonicalLine(text: string): string {
  const collapsed = text.includes('  ') || text.includes('\t') ? text.replace(/\s+/g, ' ').trim() : text;
  return canonicalizeInterfaceRefs(expandCommonAbbreviations(collapsed));
}

/** The children of section `parent`. */
function normalizeLevel(nodes: ConfigNode[], parent: string, ancestors: readonly string[], ctx: Context): ConfigNode[] {
  const acl = namedAclKind(parent);
  // Named ACL entries are deduplicated in their canonical form (normalizeAclEntries), which
  // keeps the first of equal lines as merging would, as long as none has lines under it.
  const merge = acl === undefined || nodes.some((node) => node.children.length > 0);
  const out: ConfigNode[] = [];
  // Small sections (the vast majority) find duplicates by a scan: cheaper than a set.
  const byText = merge && nodes.length > 16 ? new SeenTexts() : undefined;
  // Indexed loops: hot on large configs, and for…of deoptimises here when the process is cold.
  for (let i = 0; i < nodes.length; i++) {
    const node = normalizeNode(nodes[i] as ConfigNode, parent, ancestors, ctx);
    if (!node) continue;
    if (merge) addMerged(out, byText, node);
    else out.push(node);
  }
  // After the section's own canonical forms: merging trunk VLAN lines can yield the default.
  const children = acl ? normalizeAclEntries(out, acl) : normalizeInterfaceLines(parent, out);
  const hidden = ctx.platform.hiddenDefaults.filter((h) => h.scope.test(parent));
  return hidden.length === 0 ? children : children.filter((n) => !hidden.some((h) => h.match.test(n.text)));
}

/** One line and everything under it; undefined when it is dropped. */
function normalizeNode(node: ConfigNode, parent: string | undefined, ancestors: readonly string[], ctx: Context): ConfigNode | undefined {
  const text = lineText(node.text, parent, ancestors, ctx);
  if (text === undefined) return undefined;
  const children =
    node.children.length > 0
      ? normalizeLevel(node.children, text, ctx.needsAncestors ? [...ancestors, text] : ancestors, ctx)
      : ctx.inPlace
        ? node.children // the parser's own empty array: one allocation fewer per line
        : [];
  if (ctx.inPlace) {
    node.text = text;
    node.children = children;
    return node;
  }
  const normalized: ConfigNode = { text, line: node.line, children };
  if (node.body !== undefined) normalized.body = node.body;
  return normalized;
}

/** A line's canonical text (numbered ACL entries, which are top-level, in IOS's form); undefined if dropped. */
function lineText(raw: string, parent: string | undefined, ancestors: readonly string[], ctx: Context): string | undefined {
  const text = canonicalLine(raw);
  if (isDropped(text, parent, ancestors, ctx)) return undefined;
  return parent === undefined && text.startsWith('access-list ') ? canonicalNumberedAclLine(text) : text;
}

function isDropped(text: string, parent: string | undefined, ancestors: readonly string[], ctx: Context): boolean {
  if (parent === undefined) {
    if (ctx.volatile.test(text)) return true;
    if (ctx.ignoreVersion && text.startsWith('version ')) return true;
  }
  for (const rule of ctx.ignore) {
    if (rule.match.test(text) && (!rule.within || ancestors.some((header) => rule.within?.test(header)))) return true;
  }
  return false;
}

/** An interface's trunk VLAN lines as one list in IOS's form; other sections as they are. */
function normalizeInterfaceLines(header: string, children: ConfigNode[]): ConfigNode[] {
  if (header.startsWith('interface ') && children.some((c) => c.text.startsWith('switchport trunk allowed vlan'))) {
    return mergeTrunkAllowedVlanLines(children.map((c) => c.text)).map((text) => ({ text, line: lineOf(children, text), children: [] }));
  }
  return children;
}

function lineOf(children: ConfigNode[], text: string): number {
  return children.find((c) => c.text === text)?.line ?? children[0]?.line ?? 0;
}
