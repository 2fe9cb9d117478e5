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
  const kept: string[] = [];
  for (let start = 0; start < stripped.length; ) {
    const newline = stripped.indexOf('\n', start);
    const end = newline === -1 ? stripped.length : newline;
    // trimEnd also takes a CR of CRLF; a CR-only text is one line here, equal for equal texts.
    let content = stripped.slice(start, end).trimEnd();
    start = end + 1;
    if (content.includes('  ')) content = content.replace(/(\S) {2,}/g, '$1 ');
    if (content !== '' && content !== '!') kept.push(content);
  }
  return createHash('sha256').update(kept.join('\n')).digest('hex');
}
