// The identity of a config: the hash of its text with volatile lines (IOS's "Building
// configuration...", byte counts, timestamps), line endings, trailing spaces, runs of spaces and
// the blank or `!` lines left at its top and end normalised away. Plans record it to detect drift before deploying; backups to skip unchanged
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
  // Each rewrite only when the text needs it (device output rarely does): whole-text regexes
  // over ~200 kB cost milliseconds each, and this runs several times per device per deployment.
  let text = stripped.includes('\r') ? stripped.replace(/\r\n?/g, '\n') : stripped;
  if (text.includes(' \n') || text.includes('\t\n') || /[ \t]$/.test(text)) text = text.replace(/[ \t]+(?=\n|$)/g, '');
  if (text.includes('  ')) text = text.replace(/(\S) {2,}/g, '$1 ');
  // Blank and bare `!` lines are trimmed where stripping volatile lines leaves them (the top and
  // the end); inside a config IOS prints its separators the same way every time.
  const canonical = text.replace(/^(?:!?\n)+/, '').replace(/(?:\n!?)+\n?$/, '');
  return createHash('sha256').update(canonical).digest('hex');
}
