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
  const volatile = volatileRegex(platform);
  const separator = lineSeparator(text);
  let bannerEnd: string | undefined;
  const kept: string[] = [];
  // Lines are read by index, each slice keeping its own line ending: this runs on every backup
  // of every device, so no regex split of the whole text.
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf(separator, start);
    const end = newline === -1 ? text.length : newline + 1;
    const piece = text.slice(start, end);
    start = end;
    const line = piece.endsWith('\r\n') ? piece.slice(0, -2) : piece.endsWith('\n') || piece.endsWith('\r') ? piece.slice(0, -1) : piece;
    if (bannerEnd !== undefined) {
      // A banner's text is the operator's, whatever it looks like.
      if (closes(line, bannerEnd)) bannerEnd = undefined;
    } else if (line !== '' && line[0] !== ' ' && line[0] !== '\t') {
      const content = line.trimEnd();
      if (volatile.test(content)) continue;
      if (content.startsWith('banner ')) bannerEnd = openBanner(content);
    }
    kept.push(piece);
  }
  return kept.join('');
}

const combined = new WeakMap<Platform, RegExp>();

/** The platform's volatile patterns and the timestamp comments as one regex: one test per line. */
function volatileRegex(platform: Platform): RegExp {
  let re = combined.get(platform);
  if (!re) {
    re = new RegExp([...platform.volatileLines, ...TIMESTAMP_COMMENTS].map((v) => `(?:${v.source})`).join('|'));
    combined.set(platform, re);
  }
  return re;
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
