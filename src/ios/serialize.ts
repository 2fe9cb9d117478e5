// Canonical text of a normalised tree: what the unified diff compares and what people read.
// One space of indentation per level, no `!` separators, every line ends with a newline.

import type { ConfigNode, ConfigTree } from './types.js';

/** Printed around a banner's text: the way `show running-config` prints the ETX delimiter. */
export const BANNER_DELIMITER = '^C';

/**
 * The lines of one node itself, without its children, at `depth` levels of indentation:
 * - a banner (`banner motd` with a body): `banner motd ^C`, the text as written, `^C`;
 * - a certificate (any other node with a body): the header, the hex one level deeper, `quit`
 *   at the level of the hex;
 * - any other node: its text.
 */
export function nodeLines(node: ConfigNode, depth: number): string[] {
  const indent = ' '.repeat(depth);
  if (node.body === undefined) return [indent + node.text];
  if (node.text.startsWith('banner ')) {
    const text = node.body === '' ? [] : node.body.split('\n');
    return [`${indent}${node.text} ${BANNER_DELIMITER}`, ...text, BANNER_DELIMITER];
  }
  const inner = `${indent} `;
  const hex = node.body === '' ? [] : node.body.split('\n').map((line) => inner + line);
  return [indent + node.text, ...hex, `${inner}quit`];
}

/** How many lines nodeLines gives for a line with this text and body, without making them. */
export function nodeLineCount(text: string, body: string | undefined): number {
  if (body === undefined) return 1;
  // Header and closing line (`^C` or `quit`) around the body's lines, split as nodeLines does.
  return 2 + (body === '' ? 0 : body.split('\n').length);
}

/** One entry per output line, without line ends; children follow their header. */
export function serializeLines(tree: ConfigTree): string[] {
  const out: string[] = [];
  const walk = (nodes: ConfigNode[], depth: number): void => {
    for (const node of nodes) {
      if (node.body === undefined) out.push(' '.repeat(depth) + node.text);
      else for (const line of nodeLines(node, depth)) out.push(line);
      if (node.children.length > 0) walk(node.children, depth + 1);
    }
  };
  walk(tree.children, 0);
  return out;
}

/** The canonical text: every line ends with `\n`; an empty tree is the empty string. */
export function serializeConfig(tree: ConfigTree): string {
  const lines = serializeLines(tree);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
