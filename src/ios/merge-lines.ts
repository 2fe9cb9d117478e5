// Duplicate lines at one level: IOS merges a section entered twice, and a repeated line is one
// line. Merging makes new nodes and never changes one, as the two configs of a pair may share
// it (see pair.ts).

import type { ConfigNode } from './types.js';

/**
 * Appends `node`, or merges it into the line with the same text. `complete` is called on both
 * before their children are read (see BlockNormalizer.header).
 */
export function addMerged(out: ConfigNode[], seen: SeenTexts | undefined, node: ConfigNode, complete?: (node: ConfigNode) => void): void {
  const at = seen ? seen.find(node.text, out) : indexOfText(out, node.text);
  if (at === undefined) {
    out.push(node);
    return;
  }
  const existing = out[at] as ConfigNode;
  if (existing === node) return;
  complete?.(existing);
  complete?.(node);
  const merged: ConfigNode = { ...existing, children: mergeChildren(existing.children, node.children) };
  if (node.body !== undefined) merged.body = node.body;
  out[at] = merged;
}

/**
 * The texts of the lines of one level, for merging duplicates: one set insertion per line.
 * Duplicates are rare: the first few are found by a scan, a map of positions only if many.
 */
export class SeenTexts {
  readonly texts = new Set<string>();
  private duplicates = 0;
  private positions: Map<string, number> | undefined;

  /** The index in `out` of the line with this text; undefined (and noted) if it is new there. */
  find(text: string, out: ConfigNode[]): number | undefined {
    const size = this.texts.size;
    this.texts.add(text);
    if (this.texts.size > size) {
      this.positions?.set(text, out.length);
      return undefined;
    }
    if (++this.duplicates <= 16) return indexOfText(out, text);
    if (!this.positions) {
      this.positions = new Map();
      for (let i = out.length - 1; i >= 0; i--) this.positions.set((out[i] as ConfigNode).text, i);
    }
    return this.positions.get(text);
  }
}

function indexOfText(nodes: ConfigNode[], text: string): number | undefined {
  for (let i = 0; i < nodes.length; i++) if ((nodes[i] as ConfigNode).text === text) return i;
  return undefined;
}

function mergeChildren(a: ConfigNode[], b: ConfigNode[]): ConfigNode[] {
  const merged = [...a];
  const at = new Map(a.map((node, k) => [node.text, k]));
  for (const node of b) {
    const k = at.get(node.text);
    if (k === undefined) {
      at.set(node.text, merged.length);
      merged.push(node);
    } else {
      const existing = merged[k] as ConfigNode;
      merged[k] = { ...existing, children: mergeChildren(existing.children, node.children) };
    }
  }
  return merged;
}
