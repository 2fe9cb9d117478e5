// Finds the line of a field in block-style YAML text from its path (`devices[3].port`), so that
// schema errors can point at the line to fix. js-yaml keeps no positions, and the files people
// write (inventories, lab files) are block style; for flow style the answer is the closest
// enclosing key found, or undefined.

export type FieldPath = readonly (string | number)[];

interface Line {
  number: number;
  indent: number;
  /** Content after the indentation, with a leading `- ` removed (`itemIndent` tells it was there). */
  content: string;
  itemIndent: number | undefined;
}

/** 1-based line of the deepest part of `path` found in `text`, or undefined. */
export function locateField(text: string, path: FieldPath): number | undefined {
  const lines = readLines(text);
  let scope = { from: 0, to: lines.length, indent: -1 };
  let found: number | undefined;
  for (const part of path) {
    const hit = typeof part === 'number' ? findItem(lines, scope, part) : findKey(lines, scope, part);
    if (hit === undefined) break;
    found = (lines[hit.index] as Line).number;
    const to = endOfBlock(lines, hit.index, hit.indent, !hit.sameLine);
    scope = { from: hit.index + (hit.sameLine ? 0 : 1), to, indent: hit.sameLine ? hit.indent : hit.indent - 1 };
  }
  return found;
}

function readLines(text: string): Line[] {
  const out: Line[] = [];
  text.split('\n').forEach((raw, i) => {
    const trimmed = raw.replace(/\s+$/, '');
    const content = trimmed.trimStart();
    if (content === '' || content.startsWith('#') || content === '---') return;
    const indent = trimmed.length - content.length;
    const item = /^-(\s+|$)/.exec(content);
    out.push({
      number: i + 1,
      indent,
      content: item ? content.slice(item[0].length) : content,
      itemIndent: item ? indent : undefined,
    });
  });
  return out;
}

interface Scope {
  from: number;
  to: number;
  indent: number;
}

interface Hit {
  index: number;
  /** Indentation of the found key's own level, for the scope of what follows it. */
  indent: number;
  /** For a list item: its first key sits on the same line as the dash. */
  sameLine: boolean;
}

function findKey(lines: Line[], scope: Scope, key: string): Hit | undefined {
  let keyIndent: number | undefined;
  for (let i = scope.from; i < scope.to; i++) {
    const line = lines[i] as Line;
    // A key on the dash line of an item sits two columns right of the dash.
    const indent = line.itemIndent !== undefined ? line.itemIndent + 2 : line.indent;
    if (indent <= scope.indent) continue;
    keyIndent ??= indent;
    if (indent !== keyIndent) continue;
    const match = /^("?)([^":#]+)\1\s*:(\s|$)/.exec(line.content);
    if (match && match[2] === key) return { index: i, indent, sameLine: false };
  }
  return undefined;
}

function findItem(lines: Line[], scope: Scope, wanted: number): Hit | undefined {
  let dashIndent: number | undefined;
  let count = -1;
  for (let i = scope.from; i < scope.to; i++) {
    const line = lines[i] as Line;
    if (line.itemIndent === undefined) continue;
    dashIndent ??= line.itemIndent;
    if (line.itemIndent !== dashIndent) continue;
    count++;
    if (count === wanted) return { index: i, indent: line.itemIndent, sameLine: true };
  }
  return undefined;
}

/**
 * The index after the last line that belongs to the hit: lines nested deeper and, under a key,
 * list items at the key's own indentation (`devices:` then `- name: r1` in column 0 is valid YAML).
 */
function endOfBlock(lines: Line[], index: number, indent: number, isKey: boolean): number {
  let i = index + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.indent > indent || (isKey && line.itemIndent === indent)) continue;
    break;
  }
  return i;
}
