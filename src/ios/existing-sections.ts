// The sections of a running config, as a push needs them: re-entering a section the device
// already has is never refused, so the device layer can type into it without first waiting for
// the header's prompt (see docs/decisions/0001-push-section-barrier.md).

import { canonicalLine } from './normalize.js';

/**
 * Read from the running config's text, without parsing it: each unindented line that has
 * indented lines under it, in the engine's canonical form. Only those are canonicalised (a
 * quarter of a 5k-line config's top-level lines; the rest are `ip route`, `access-list`, …).
 * A section printed without children is left out: the push then waits for its header's prompt,
 * which costs a round trip and is never wrong.
 */
export function existingSectionsOfText(running: string): Set<string> {
  const out = new Set<string>();
  const lines = running.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] as string;
    if (line === '' || line.startsWith(' ') || line.startsWith('\t') || line.startsWith('!')) continue;
    const next = lines[i + 1] as string;
    if (next.startsWith(' ') || next.startsWith('\t')) out.add(canonicalLine(line.trimEnd()));
  }
  return out;
}
