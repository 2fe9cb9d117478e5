// The top-level lines of a running config, as a push needs them: re-entering a section the
// device already has is never refused, so the device layer can type into it without first
// waiting for the header's prompt (see docs/decisions/0001-push-section-barrier.md).

import { canonicalLine } from './normalize.js';

/**
 * Read from the running config's text, without parsing it: its unindented lines, in the
 * engine's canonical form. (A banner's unindented text lines may be in the set too; they can
 * never equal a section header the push enters, so they change nothing.)
 */
export function existingSectionsOfText(running: string): Set<string> {
  const out = new Set<string>();
  for (const line of running.split(/\r\n|\r|\n/)) {
    if (line === '' || line.startsWith(' ') || line.startsWith('\t') || line.startsWith('!')) continue;
    out.add(canonicalLine(line.trimEnd()));
  }
  return out;
}
