// The two configs of a plan, parsed and normalised together. A plan is mostly a small edit of a
// large config, so most top-level blocks are written the same on both sides. Such a block is
// parsed once (the intended side skips it, see block-match.ts) and normalised once (the two
// trees share its node), and its children only when something compares them: remediate never
// does, and the text diff shows them as written (text-diff.ts SharedBlocks).

import { SeenTexts } from './merge-lines.js';
import { BlockNormalizer, type NormalizeOptions, type WrittenChildren } from './normalize.js';
import { parseBlock, parseBlocks, type ParsedBlocks } from './parse.js';
import type { SharedBlocks } from './text-diff.js';
import type { ConfigNode, ConfigTree } from './types.js';

export interface SharedTrees {
  running: ConfigTree;
  intended: ConfigTree;
  /**
   * Normalises the children of shared blocks. Until then the trees are only fit for remediate,
   * which never reads under a node the two trees share (it is unchanged by identity), and for
   * the text diff given `shared`.
   */
  complete(): void;
  shared: SharedBlocks;
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
  const top = runningTop(r, shared, blocks);
  const runningNodes = top.nodes;
  const intendedNodes = i.nodes.map((node, k) => {
    const b = i.same[k] as number;
    return b >= 0 ? runningNodes[b] : blocks.block(node as ConfigNode);
  });
  const runningTexts = new SeenTexts();
  const runningTree = blocks.tree(runningNodes, runningTexts);
  const distinct = intendedDistinct(top, runningTexts.texts, i, intendedNodes);
  return {
    running: runningTree,
    intended: blocks.tree(intendedNodes, undefined, distinct),
    complete: () => blocks.completeAll(),
    shared: { written: blocks.written, complete: blocks.complete },
  };
}

interface RunningTop {
  nodes: Array<ConfigNode | undefined>;
  /** How many nodes are not dropped, */
  kept: number;
  /** and the texts of those the intended config does not share. */
  ownTexts: Set<string>;
}

/** The running blocks normalised: whole where not shared, else their headers (see header()). */
function runningTop(r: ParsedBlocks, shared: Uint8Array, blocks: BlockNormalizer): RunningTop {
  const top: RunningTop = { nodes: new Array<ConfigNode | undefined>(r.nodes.length), kept: 0, ownTexts: new Set<string>() };
  for (let b = 0; b < r.nodes.length; b++) {
    // A block of one line has nothing under it.
    const node = shared[b]
      ? blocks.header(r.nodes[b] as ConfigNode, (r.last[b] as number) > (r.first[b] as number) ? written(r, b) : undefined)
      : blocks.block(parseBlock(r, b));
    top.nodes[b] = node;
    if (!node) continue;
    top.kept++;
    if (!shared[b]) top.ownTexts.add(node.text);
  }
  return top;
}

/** What is under running block `b`, as written. */
function written(r: ParsedBlocks, b: number): WrittenChildren {
  return { parse: () => parseBlock(r, b).children, lineCount: r.under[b] as number };
}

function sourceOf(label: string | undefined): { source?: string } {
  return label === undefined ? {} : { source: label };
}

/**
 * Whether no two intended blocks have one text, found without a map of all their texts: two
 * shared blocks could only if they are one running block twice, or two the running config has
 * merged; a block of its own only if another one has its text, or a shared block does. The
 * running texts are unique then, so a running text is a shared block's unless it is one of
 * the (few) running blocks not shared: a changed block has its text on both sides.
 */
function intendedDistinct(
  running: RunningTop,
  runningTexts: Set<string>,
  i: ParsedBlocks,
  intendedNodes: Array<ConfigNode | undefined>,
): boolean {
  if (runningTexts.size !== running.kept) return false; // the running config merged some
  const used = new Uint8Array(running.nodes.length);
  const own = new Set<string>();
  for (let k = 0; k < intendedNodes.length; k++) {
    const node = intendedNodes[k];
    const b = i.same[k] as number;
    if (b >= 0) {
      if (used[b]) return false;
      used[b] = 1;
    } else if (node) {
      const sharedText = runningTexts.has(node.text) && !running.ownTexts.has(node.text);
      if (sharedText || own.has(node.text)) return false;
      own.add(node.text);
    }
  }
  return true;
}
