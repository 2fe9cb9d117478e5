// The top-level lines of a running config, as a push needs them: re-entering a section the
// device already has is never refused, so the device layer can type into it without first
// waiting for the header's prompt (see docs/decisions/0001-push-section-barrier.md).

import type { ConfigTree } from './types.js';

/** `running`: parsed and normalised (so names are canonical, as in the commands pushed). */
export function existingSections(running: ConfigTree): Set<string> {
  return new Set(running.children.map((node) => node.text));
}
