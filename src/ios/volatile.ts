// Running-config text without the lines that change when nothing was configured (the
// "Building configuration..." header, byte counts, timestamps), so two backups of one config
// are the same file. Everything else is kept byte for byte: a backup must be restorable.

import type { Platform } from './platform.js';
import { ciscoIos } from './platforms/cisco-ios.js';

// Comments IOS writes with a timestamp: the parser skips comments, so they are not in the platform's list.
const TIMESTAMP_COMMENTS = [/^! Last configuration change at /, /^! NVRAM config last updated at /, /^! No configuration change since last restart/];
const ETX = '\x03';

/** `text` without the platform's volatile top-level lines (and IOS's timestamp comments). */
export function stripVolatileLines(text: string, platform: Platform = ciscoIos): string {
  // Volatile lines are few (a header, a timestamp): find them with one native regex search and
  // cut around them, instead of walking the ~5k lines of a config in JavaScript.
  const volatile = volatileLineRegex(platform);
  volatile.lastIndex = 0;
  const banners = bannerRanges(text);
  let out = '';
  let from = 0;
  for (let match = volatile.exec(text); match !== null; match = volatile.exec(text)) {
    if (match[0] === '') {
      volatile.lastIndex++;
      continue;
    }
    // A banner's text is the operator's, whatever it looks like.
    if (banners.some(([start, end]) => match.index >= start && match.index < end)) continue;
    out += text.slice(from, match.index);
    from = match.index + match[0].length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Where the text of each multi-line banner is: [start, end) offsets. */
function bannerRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const banner = /^banner (?:motd|login|exec|incoming|slip-ppp|prompt-timeout|config-save) (\S[^\r\n]*)/gm;
  for (let match = banner.exec(text); match !== null; match = banner.exec(text)) {
    const content = (match[1] as string).trimEnd();
    const delimiter = content.startsWith('^C') ? '^C' : (content[0] as string);
    const start = match.index + match[0].length;
    if (closes(content.slice(delimiter.length), delimiter)) continue;
    const end = closingOffset(text, start, delimiter);
    ranges.push([start, end]);
    banner.lastIndex = end;
  }
  return ranges;
}

/** The offset just past the line that closes a banner opened with `delimiter`, or the text's end. */
function closingOffset(text: string, from: number, delimiter: string): number {
  const candidates = delimiter === '^C' || delimiter === ETX ? ['^C', ETX] : [delimiter];
  const found = candidates.map((d) => text.indexOf(d, from)).filter((i) => i !== -1);
  if (found.length === 0) return text.length;
  const at = Math.min(...found);
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline + 1;
}

const combined = new WeakMap<Platform, RegExp>();

/**
 * The platform's volatile patterns and the timestamp comments as one global, multi-line regex
 * matching whole top-level lines with their line ending. The patterns are anchored at the line
 * start (`^…`), which in multi-line mode is any line's start; indented lines never match.
 */
function volatileLineRegex(platform: Platform): RegExp {
  let re = combined.get(platform);
  if (!re) {
    const alternatives = [...platform.volatileLines, ...TIMESTAMP_COMMENTS].map((v) => `(?:${v.source.replace(/^\^/, '')})`);
    re = new RegExp(`^(?:${alternatives.join('|')})[^\r\n]*(?:\r\n|\r|\n)?`, 'gm');
    combined.set(platform, re);
  }
  return re;
}

function closes(text: string, delimiter: string): boolean {
  if (text.includes(delimiter)) return true;
  // Either spelling of ETX closes a banner opened with the other one, as the parser reads it.
  return (delimiter === '^C' && text.includes(ETX)) || (delimiter === ETX && text.includes('^C'));
}
