// Lines of config text as the parser reads them, without splitting the text: a 100k-line
// config would be 100k strings more to make and collect. Shared by the parser and the block
// matcher (block-match.ts), which must agree with it exactly on where a top-level block ends.

/** Lines that close a section or the config: structure, not configuration. */
const TERMINATORS = new Set([
  'exit',
  'exit-address-family',
  'exit-peer-policy',
  'exit-peer-session',
  'exit-vrf',
  'exit-service-insertion',
  'quit',
]);

/** A section terminator (they all start with `e` or `q`: most lines need no set lookup). */
export function isTerminator(content: string): boolean {
  const first = content.charCodeAt(0);
  return (first === 101 || first === 113) && TERMINATORS.has(content);
}

/** Blank lines and `!` comments: nothing to the parser. */
export function isSkipped(content: string): boolean {
  return content === '' || content.charCodeAt(0) === 33; // '!'
}

/** `end` at the left margin ends the configuration. */
export function isEnd(content: string, indent: number): boolean {
  return indent === 0 && content === 'end';
}

/** The line separator: `\r` only for old Mac files, else `\n` (a `\r` before it is trimmed). */
export function lineSeparator(text: string): string {
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

/**
 * A forward reader of the lines of a text. `start`…`end` is the current line (without its
 * separator) and `index` its 0-based number; the text ends with one more line, maybe empty,
 * as `split` would give it.
 */
export class Lines {
  start = 0;
  end = -1;
  index = -1;

  constructor(
    readonly text: string,
    readonly separator: string,
  ) {}

  /** Moves to the next line; false after the last one. */
  next(): boolean {
    if (this.end >= this.text.length) return false;
    this.start = this.end + 1;
    const end = this.text.indexOf(this.separator, this.start);
    this.end = end < 0 ? this.text.length : end;
    this.index++;
    return true;
  }

  /** Continues after the line `index` that ends at offset `end`. */
  skipTo(index: number, end: number): void {
    this.index = index;
    this.end = end;
  }

  raw(): string {
    return this.text.slice(this.start, this.end);
  }

  /** The line without the white space around it, as `trim` would give it. */
  content(): string {
    const { text } = this;
    let from = this.start;
    let to = this.end;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    return text.slice(from, to);
  }

  /** Columns of indentation; a tab counts as one column, as a level of its own. */
  indent(): number {
    let n = this.start;
    for (let c = this.text.charCodeAt(n); c === 32 || c === 9; c = this.text.charCodeAt(++n));
    return n - this.start;
  }
}

/** What `trim` removes: ASCII white space and line ends, and Unicode spaces. */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether the top-level block (indented `top`) open before the line after offset `end` goes
 * on: true when the next line the parser reads as configuration is indented deeper. A
 * top-level terminator in between closes nothing, so the block goes on past it.
 */
export function blockGoesOn(text: string, separator: string, end: number, top: number): boolean {
  const lines = new Lines(text, separator);
  lines.skipTo(0, end);
  while (lines.next()) {
    const content = lines.content();
    if (isSkipped(content)) continue;
    const indent = lines.indent();
    if (isEnd(content, indent)) return false;
    if (indent > top) return true;
    if (!isTerminator(content)) return false;
  }
  return false;
}
