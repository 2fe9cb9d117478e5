// Running-config text without the lines that change when nothing was configured (the
// "Building configuration..." header, byte counts, timestamps), so two backups of one config
// are the same file. Everything else is kept byte for byte: a backup must be restorable.

import { lineSeparator } from './config-lines.js';
import type { Platform } from './platform.js';
import { ciscoIos } from './platforms/cisco-ios.js';

// Comments IOS writes with a timestamp: the parser skips comments, so they are not in the platform's list.
const TIMESTAMP_COMMENTS = [/^! Last configuration change at /, /^! NVRAM config last updated at /, /^! No configuration change since last restart/];
const BANNER = /^banner (?:motd|login|exec|incoming|slip-ppp|prompt-timeout|config-save) (\S.*)$/;
const ETX = '\x03';

/** `text` without the platform's volatile top-level lines (and IOS's timestamp comments). */
export function stripVolatileLines(text: string, platform: Platform = ciscoIos): string {
  const volatile = [...platform.volatileLines, ...TIMESTAMP_COMMENTS];
  // Each piece keeps its own line ending.
  const pieces = text.split(lineSeparator(text) === '\r' ? /(?<=\r)/ : /(?<=\n)/);
  let bannerEnd: string | undefined;
  let out = '';
  for (const piece of pieces) {
    const line = piece.replace(/\r?\n$|\r$/, '');
    if (bannerEnd !== undefined) {
      // A banner's text is the operator's, whatever it looks like.
      if (closes(line, bannerEnd)) bannerEnd = undefined;
    } else if (!/^\s/.test(line)) {
      const content = line.trimEnd();
      if (volatile.some((re) => re.test(content))) continue;
      bannerEnd = openBanner(content);
    }
    out += piece;
  }
  return out;
}

/** The delimiter a banner line leaves open; undefined when it is not one or closes on its line. */
function openBanner(content: string): string | undefined {
  const rest = BANNER.exec(content)?.[1];
  if (rest === undefined) return undefined;
  // Show output prints the ETX delimiter as the two characters ^C.
  const delimiter = rest.startsWith('^C') ? '^C' : (rest[0] as string);
  return closes(rest.slice(delimiter.length), delimiter) ? undefined : delimiter;
}

function closes(text: string, delimiter: string): boolean {
  if (text.includes(delimiter)) return true;
  // Either spelling of ETX closes a banner opened with the other one, as the parser reads it.
  return (delimiter === '^C' && text.includes(ETX)) || (delimiter === ETX && text.includes('^C'));
}
