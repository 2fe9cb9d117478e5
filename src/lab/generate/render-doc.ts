// The intermediate form of a rendered config: top-level blocks (IOS prints `!` between them)
// of nodes with children. The running-config writer and the human-style writer both print it.

export interface DocNode {
  text: string;
  children?: DocNode[];
  /** An indented `!` before this node (IOS prints one before `address-family`). */
  bang?: boolean;
  /** A line after the children, at the node's own indentation (`exit-address-family`). */
  close?: string;
  /** Banner text (the node's text is `banner motd`). */
  body?: string;
}

export type Block = DocNode[];

export function leaf(text: string): DocNode {
  return { text };
}

export function section(text: string, children: DocNode[]): DocNode {
  return { text, children };
}

/** Writes nodes as IOS prints them: `unit` repeated once per level of indentation. */
export function writeNodes(out: string[], nodes: readonly DocNode[], indent: string, unit: string): void {
  for (const node of nodes) {
    if (node.bang) out.push(`${indent}!`);
    if (node.body !== undefined) {
      out.push(`${indent}${node.text} ^C`, ...node.body.split('\n'), '^C');
      continue;
    }
    out.push(indent + node.text);
    if (node.children) writeNodes(out, node.children, indent + unit, unit);
    if (node.close) out.push(indent + node.close);
  }
}

/** The blocks separated by `!` lines, IOS style (one-space indentation). */
export function writeBlocks(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.length === 0) continue;
    writeNodes(out, block, '', ' ');
    out.push('!');
  }
  return out;
}
