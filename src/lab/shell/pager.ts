// `--More--` paging of long show output, as a VTY does it: a screenful is `terminal length`
// rows minus the one the `--More--` line takes; a line wider than `terminal width` takes several
// rows. Space shows the next screenful, Enter one more line, anything else stops.

import { outputLines } from './contracts.js';

/** What IOS writes at the bottom of a screenful. */
export const MORE_PROMPT = ' --More-- ';
/** What IOS writes to wipe the `--More--` out before going on: back, blank, back. */
export const ERASE_MORE_PROMPT = '\b'.repeat(MORE_PROMPT.length) + ' '.repeat(MORE_PROMPT.length) + '\b'.repeat(MORE_PROMPT.length);

export type PagerKey = 'page' | 'line' | 'stop';

/** The meaning of a key pressed at `--More--`. */
export function pagerKey(char: string): PagerKey {
  if (char === ' ') return 'page';
  if (char === '\r') return 'line';
  return 'stop';
}

export class Pager {
  private next = 0;
  private readonly lines: readonly string[];

  /**
   * @param length `terminal length` (rows of the screen, at least 2 to be useful)
   * @param width `terminal width`; 0 means lines never wrap
   */
  constructor(
    output: readonly string[],
    private readonly length: number,
    private readonly width: number,
  ) {
    this.lines = outputLines(output);
  }

  get done(): boolean {
    return this.next >= this.lines.length;
  }

  /** The lines of the next screenful (always at least one line). */
  nextPage(): string[] {
    return this.take(Math.max(1, this.length - 1));
  }

  /** One more line. */
  nextLine(): string[] {
    return this.take(1);
  }

  private take(rows: number): string[] {
    const start = this.next;
    let used = 0;
    while (this.next < this.lines.length) {
      const needed = this.rowsOf(this.lines[this.next] as string);
      if (used > 0 && used + needed > rows) break;
      used += needed;
      this.next++;
    }
    return this.lines.slice(start, this.next);
  }

  private rowsOf(line: string): number {
    return this.width > 0 ? Math.max(1, Math.ceil(line.length / this.width)) : 1;
  }
}
