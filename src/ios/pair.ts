// The two configs of a plan, parsed and normalised together. A plan is mostly a small edit of a
// large config, so most top-level blocks are written the same on both sides. Such a block is
// parsed once (the intended side skips it, see block-match.ts) and normalised once (the two
// trees share its node), and its children only when something reads them.

import { SeenTexts } from './merge-lines.js';
import { BlockNormalizer, type NormalizeOptions } from './normalize.js';
import { parseBlock, parseBlocks, type ParsedBlocks } from './parse.js';
import type { ConfigNode, ConfigTree } from './types.js';

export interface SharedTrees {
  running: ConfigTree;
  intended: ConfigTree;
  /**
   * Normalises the children of shared blocks. Until then the trees are only fit for remediate,
   * which never reads under a node the two trees share (it is unchanged by identity).
   */
  complete(): void;
}

export function prepareSharedTrees(
  running: string,
  intended: string,
  sources: { running?: string | undefined; intended?: string | undefined },
  options: NormalizeOptions,
): SharedTrees {
  // The running config is read to its top-level lines only: the blocks the intended config
  // has too are needed whole only if something reads under them; the others are read again.
  const r = parseBlocks(running, { ...sourceOf(sources.running), headersOnly: true });
  const i = parseBlocks(intended, { ...sourceOf(sources.intended), known: r });
  const shared = new Uint8Array(r.nodes.length);
  for (let k = 0; k < i.same.length; k++) if ((i.same[k] as number) >= 0) shared[i.same[k] as number] = 1;

  const blocks = new BlockNormalizer(options);
  const runningNodes = r.nodes.map((node, b) => {
    if (!shared[b]) return blocks.block(parseBlock(r, b));
    // A block of one line has nothing under it.
    return blocks.header(node as ConfigNode, (r.last[b] as number) > (r.first[b] as number) ? () => parseBlock(r, b).children : undefined);
  });
  const intendedNodes = i.nodes.map((node, k) => {
    const b = i.same[k] as number;
    return b >= 0 ? runningNodes[b] : blocks.block(node as ConfigNode);
  });
  const runningTexts = new SeenTexts();
  const runningTree = blocks.tree(runningNodes, runningTexts);
  const distinct = intendedDistinct(runningNodes, runningTexts.texts, i, intendedNodes);
  return {
    running: runningTree,
    intended: blocks.tree(intendedNodes, undefined, distinct),
    complete: () => blocks.completeAll(),
  };
}

function sourceOf(label: string | undefined): { source?: string } {
  return label === undefined ? {} : { source: label };
}

/**
 * Whether no two intended blocks have one text, found without a map of all their texts: two
 * shared blocks could only if they are one running block twice, or two the running config has
 * merged; a block of its own only if its text is a running text or another one's.
 */
function intendedDistinct(
  runningNodes: Array<ConfigNode | undefined>,
  runningTexts: Set<string>,
  i: ParsedBlocks,
  intendedNodes: Array<ConfigNode | undefined>,
): boolean {
  const kept = runningNodes.reduce((n, node) => (node ? n + 1 : n), 0);
  if (runningTexts.size !== kept) return false; // the running config merged some
  const used = new Uint8Array(runningNodes.length);
  const own = new Set<string>();
  for (let k = 0; k < intendedNodes.length; k++) {
    const node = intendedNodes[k];
    const b = i.same[k] as number;
    if (b >= 0) {
      if (used[b]) return false;
      used[b] = 1;
    } else if (node) {
      if (runningTexts.has(node.text) || own.has(node.text)) return false;
      own.add(node.text);
    }
  }
  return true;
}
