// The identity of a config: the hash of its text with volatile lines (IOS's "Building
// configuration...", byte counts, timestamps), line endings, runs of spaces, blank lines and
// bare `!` separators normalised away. Plans record it to detect drift before deploying; backups to skip unchanged
// configs. It is compared only between texts of one origin (two fetches of a device's running
// config, two renders of one intended config), which IOS and the renderer write the same way
// every time, so text is enough: no parse, which costs ~10 ms on a 5k-line config and ran
// several times per device per deployment.

import { createHash } from 'node:crypto';
import { stripVolatileLines } from '../ios/index.js';

export function configHash(text: string): string {
  return strippedConfigHash(stripVolatileLines(text));
}

/** configHash of a text whose volatile lines are already stripped (a backup's). */
export function strippedConfigHash(stripped: string): string {
  // Whole-text replaces run natively: a per-line loop cost ~2 ms on a 5k-line config.
  const canonical = stripped
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/(\S) {2,}/g, '$1 ')
    .replace(/^!?\n/gm, '')
    .replace(/\n?!?$/, '');
  return createHash('sha256').update(canonical).digest('hex');
}
