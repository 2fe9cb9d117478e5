// Canonical text of a normalised tree: what the unified diff compares.

import type { ConfigNode, ConfigTree } from './types.js';

/** One line per node, one space of indentation per level; banners and certificates whole. */
export function serializeLines(tree: ConfigTree): string[] {
  const out: string[] = [];
  const walk = (nodes: ConfigNode[], depth: number): void => {
    const indent = ' '.repeat(depth);
    for (const node of nodes) {
      if (node.body !== undefined && node.text.startsWith('banner ')) {
        out.push(`${indent}${node.text} ^C`, ...(node.body === '' ? [] : node.body.split('\n')), '^C');
      } else if (node.body !== undefined) {
        // A certificate: its hex one level below, closed by quit.
        out.push(`${indent}${node.text}`, ...node.body.split('\n').map((l) => `${indent} ${l}`), `${indent} quit`);
      } else {
        out.push(indent + node.text);
      }
      walk(node.children, depth + 1);
    }
  };
  walk(tree.children, 0);
  return out;
}

export function serializeConfig(tree: ConfigTree): string {
  const lines = serializeLines(tree);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
