// The identity of a config: the hash of its text with volatile lines (IOS's "Building
// configuration...", byte counts, timestamps), CRs, and the blank or `!` lines left at its top
// and end removed. Plans record it to detect drift before deploying; backups to skip unchanged
// configs. It is compared only between texts of one origin (two fetches of a device's running
// config, two renders of one intended config), which IOS and the renderer write the same way
// every time, so text is enough: no parse (~10 ms on a 5k-line config), and no rewriting of
// spaces (a whole-text regex costs ~0.5 ms, and this runs several times per device per
// deployment). A space changed in an intended file changes its hash: the plan is then stale.

import { createHash } from 'node:crypto';
import { stripVolatileLines } from '../ios/index.js';

export function configHash(text: string): string {
  return strippedConfigHash(stripVolatileLines(text));
}

/** configHash of a text whose volatile lines are already stripped (a backup's). */
export function strippedConfigHash(stripped: string): string {
  const text = stripped.includes('\r') ? stripped.replace(/\r\n?/g, '\n') : stripped;
  // Blank and bare `!` lines are trimmed where stripping volatile lines leaves them (the top and
  // the end); inside a config IOS prints its separators the same way every time.
  return createHash('sha256').update(trimSeparators(text)).digest('hex');
}

/**
 * Without blank and bare `!` lines at the top and the end; by hand, since an end-anchored regex
 * is tried at every line of the text.
 */
function trimSeparators(text: string): string {
  let start = 0;
  for (;;) {
    const skip = text[start] === '!' ? 1 : 0;
    if (text[start + skip] !== '\n') break;
    start += skip + 1;
  }
  let end = text.length;
  if (text[end - 1] === '\n') end--;
  for (;;) {
    const skip = text[end - 1] === '!' ? 1 : 0;
    if (text[end - 1 - skip] !== '\n' || end - 1 - skip < start) break;
    end -= skip + 1;
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
