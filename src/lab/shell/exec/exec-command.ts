// What one exec command is (an entry of the exec grammar's table) and what its handler gets,
// with the small helpers every handler uses to build its result.

import type { LabDevice } from '../../device/lab-device.js';
import type { CliError, ExecContext, ExecResult } from '../contracts.js';

/** One entered command after the grammar matched it. */
export interface ExecRequest {
  device: LabDevice;
  context: ExecContext;
  /** Values of the `<label:type>` parts of the syntax, by label; optional ones may be missing. */
  args: Readonly<Record<string, string>>;
  /** The line as entered, without any `| filter`: error offsets point into it. */
  line: string;
}

/** The action of an exec grammar entry. */
export interface ExecCommand {
  /** Available in user exec (`host>`), as on IOS at privilege level 1; otherwise `enable` first. */
  userExec: boolean;
  /** A `show` command: its output is paged and may be filtered with `| include …`. */
  show: boolean;
  run(request: ExecRequest): ExecResult;
}

/** A result that prints `text` (lines joined by `\n`, as IOS texts are written here). */
export function printed(...texts: string[]): ExecResult {
  // Each text stays one multi-line entry (see LineResult): no split of a whole show run.
  return { output: texts.map((text) => (text.endsWith('\n') ? text.slice(0, -1) : text)) };
}

/** The lines of a text; a final line end does not make an empty last line (`''` is one blank line). */
export function textLines(text: string): string[] {
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

export function failed(error: CliError): ExecResult {
  return { output: [], error };
}

/** `% Invalid input` with the caret under the `index`-th word (0-based) of `line`. */
export function invalidWord(line: string, index: number): ExecResult {
  return failed({ kind: 'invalid', offset: wordOffset(line, index) });
}

/** Character offset of the `index`-th whitespace-separated word; the line's end if it has fewer. */
export function wordOffset(line: string, index: number): number {
  const word = /\S+/g;
  for (let seen = 0, match = word.exec(line); match; match = word.exec(line), seen++) {
    if (seen === index) return match.index;
  }
  return line.length;
}
