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
  // Volatile lines are few (a header, a timestamp): find them with native searches and cut
  // around them, instead of walking the ~5k lines of a config in JavaScript.
  const found = volatileLines(text, platform);
  if (found.length === 0) return text;
  const banners = bannerRanges(text);
  let out = '';
  let from = 0;
  for (const [start, end] of found) {
    // A banner's text is the operator's, whatever it looks like.
    if (start < from || banners.some(([first, last]) => start >= first && start < last)) continue;
    out += text.slice(from, start);
    from = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** [start, end) of each volatile line with its line ending, in text order. */
function volatileLines(text: string, platform: Platform): [number, number][] {
  const { finder, lines } = volatileSearch(platform);
  const found: [number, number][] = [];
  finder.lastIndex = 0;
  for (let candidate = finder.exec(text); candidate !== null; candidate = finder.exec(text)) {
    const at = candidate.index;
    if (candidate[0] === '') finder.lastIndex++;
    for (const line of lines) {
      line.lastIndex = at;
      const match = line.exec(text);
      if (match === null || match[0] === '') continue;
      found.push([at, at + match[0].length]);
      finder.lastIndex = Math.max(finder.lastIndex, at + match[0].length);
      break;
    }
  }
  return found;
}

interface VolatileSearch {
  /**
   * The patterns' literal beginnings at any line start, as one alternation of plain text: V8
   * scans for it about four times faster than for the patterns themselves (~200 kB per fetch).
   */
  finder: RegExp;
  /** Sticky, each: the whole line with its ending, tried where the finder stopped. */
  lines: RegExp[];
}

const searches = new WeakMap<Platform, VolatileSearch>();

function volatileSearch(platform: Platform): VolatileSearch {
  let search = searches.get(platform);
  if (!search) {
    const sources = [...platform.volatileLines, ...TIMESTAMP_COMMENTS].map((volatile) => volatile.source.replace(/^\^/, ''));
    // The text before a pattern's first regex construct (escapes included) is literal.
    const prefixes = sources.map((source) => /^[^\\.*+?()[\]{}|^$]*/.exec(source)?.[0] ?? '');
    search = {
      finder: new RegExp(`^(?:${prefixes.join('|')})`, 'gm'),
      lines: sources.map((source) => new RegExp(`(?:${source})[^\r\n]*(?:\r\n|\r|\n)?`, 'y')),
    };
    searches.set(platform, search);
  }
  return search;
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

function closes(text: string, delimiter: string): boolean {
  if (text.includes(delimiter)) return true;
  // Either spelling of ETX closes a banner opened with the other one, as the parser reads it.
  return (delimiter === '^C' && text.includes(ETX)) || (delimiter === ETX && text.includes('^C'));
}
