// Finds, for a top-level block of the config being parsed, a block written identically in an
// already parsed config (the running config of a plan). Most blocks of a pair are, and in the
// same order: the search goes forward from the last match, then, if blocks were reordered, by
// header line. Texts are compared as they are, a run of blocks at a time.

import { blockGoesOn } from './config-lines.js';

/** Where the top-level blocks of a parsed config are in its text. */
export interface BlockSpans {
  text: string;
  separator: string;
  /** For each block: its header line without the white space around it, */
  headers: string[];
  /** the offsets of its first character and of the end of its last line, */
  start: number[];
  stop: number[];
  /** and the 0-based numbers of its first and last line (comment lines inside count). */
  first: number[];
  last: number[];
}

/** Headers compared forward from the last match before giving up on order. */
const SCAN = 1024;
/** Misses after which blocks are looked up by header (built once: a reordered config). */
const MISSES_BEFORE_INDEX = 64;

export class BlockMatcher {
  private next = 0;
  private misses = 0;
  private byHeader: Map<string, number[]> | undefined;
  /** How many known blocks, from the one match() returned on, the run of equal text covers. */
  runLength = 0;

  constructor(
    private readonly known: BlockSpans,
    private readonly text: string,
    private readonly separator: string,
  ) {}

  /**
   * The known block written exactly like the block whose header (`header`, indented `top`)
   * starts at offset `at`, or -1. The same text parses the same, so the block need not be
   * parsed again; nor need the known blocks after it whose text (and the text between) is the
   * same too: runLength.
   */
  match(header: string, at: number, top: number): number {
    // Offsets carry over from one text to the other only if their lines end alike.
    if (this.separator !== this.known.separator) return -1;
    const { headers } = this.known;
    const end = Math.min(headers.length, this.next + SCAN);
    for (let b = this.next; b < end; b++) {
      if (headers[b] === header && this.run(b, at, top)) return b;
    }
    if (++this.misses <= MISSES_BEFORE_INDEX) return -1;
    for (const b of this.index().get(header) ?? []) {
      if (this.run(b, at, top)) return b;
    }
    return -1;
  }

  /** Sets runLength for known block `b` at offset `at`; false when not even `b` is the same. */
  private run(b: number, at: number, top: number): boolean {
    const { start, stop } = this.known;
    const shift = at - (start[b] as number);
    // The longest run of blocks from b with the same text, found comparing spans of blocks
    // that double while they match and halve when they do not: few compares, each a flat one.
    let end = b - 1;
    let step = 1;
    while (end + 1 < start.length) {
      const to = Math.min(start.length - 1, end + step);
      if (this.sameText(end < b ? (start[b] as number) : (stop[end] as number), stop[to] as number, shift)) {
        end = to;
        step *= 2;
      } else if (step > 1) {
        step >>= 1;
      } else {
        break;
      }
    }
    // A block ends where the next top-level line starts one. The text after the run differs,
    // so there the last block of it may go on.
    if (end >= b && blockGoesOn(this.text, this.separator, (stop[end] as number) + shift, top)) end--;
    if (end < b) return false;
    this.runLength = end - b + 1;
    this.next = end + 1;
    return true;
  }

  /** Known text `from`…`to` (which ends a line) is the text `shift` further on here, whole lines. */
  private sameText(from: number, to: number, shift: number): boolean {
    const end = to + shift;
    if (end !== this.text.length && !this.text.startsWith(this.separator, end)) return false;
    // Two slices and ===: a flat compare, where startsWith goes character by character.
    return this.text.slice(from + shift, end) === this.known.text.slice(from, to);
  }

  private index(): Map<string, number[]> {
    if (this.byHeader) return this.byHeader;
    const byHeader = new Map<string, number[]>();
    this.known.headers.forEach((header, b) => {
      const list = byHeader.get(header);
      if (list) list.push(b);
      else byHeader.set(header, [b]);
    });
    return (this.byHeader = byHeader);
  }
}
