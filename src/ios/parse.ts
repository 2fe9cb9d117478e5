// IOS configuration text → tree. Sections come from relative indentation; banners and
// certificate blocks are read whole. Bad input is an IosConfigError naming the line.

import { BlockMatcher, type BlockSpans } from './block-match.js';
import { isEnd, isSkipped, isTerminator, Lines, lineSeparator } from './config-lines.js';
import { IosConfigError } from './errors.js';
import { nodeLineCount } from './serialize.js';
import type { ConfigNode, ConfigTree } from './types.js';

export interface ParseOptions {
  /** File name or label used in error messages. */
  source?: string;
}

const BANNER = /^banner (motd|login|exec|incoming|slip-ppp|prompt-timeout|config-save)(?: (.*))?$/;
const ETX = '\x03';

type Fail = (message: string, line?: number) => never;

/** Section levels IOS configs nest to, with room to spare. */
const MAX_USUAL_DEPTH = 8;

/** A parse that also says where each top-level block is, for planning a pair (pair.ts). */
export interface ParsedBlocks extends BlockSpans {
  /** The top-level nodes; undefined for a block that is the same as a known one (`same`). */
  nodes: Array<ConfigNode | undefined>;
  /** For each block: the index of the known block written the same, or -1; */
  same: number[];
  /**
   * and how many lines the text diff writes under its top-level line as parsed (children,
   * certificate text; serialize.ts), for showing it without reading it again (pair.ts).
   */
  under: number[];
}

/** The children of every line without any, in trees from parseBlocks: one array, not 100k. */
export const NO_CHILDREN: ConfigNode[] = Object.freeze([]) as unknown as ConfigNode[];

export function parseConfig(text: string, options: ParseOptions = {}): ConfigTree {
  return { children: parse(text, options.source, modeOf({ shareEmpty: false })).nodes as ConfigNode[] };
}

export interface BlocksOptions extends ParseOptions {
  /** A parsed config whose blocks are not parsed again where this text has them too. */
  known?: ParsedBlocks;
  /** Top-level lines only (the rest is checked, not kept): parseBlock gives a block whole. */
  headersOnly?: boolean;
}

/**
 * parseConfig, with the place of each top-level block in the text. A block written exactly
 * like a block of `known` (line for line, ending where it ends) is not parsed again: its node
 * is undefined and `same` names the known block, whose tree it would be. Lines without
 * children share one frozen empty array (NO_CHILDREN).
 */
export function parseBlocks(text: string, options: BlocksOptions): ParsedBlocks {
  return parse(text, options.source, modeOf({ shareEmpty: true, known: options.known, headersOnly: options.headersOnly }));
}

/** Block `b` of a config parsed by parseBlocks, whole (its text was checked then). */
export function parseBlock(blocks: ParsedBlocks, b: number): ConfigNode {
  const text = blocks.text.slice(blocks.start[b], blocks.stop[b]);
  const mode = modeOf({ shareEmpty: true, separator: blocks.separator, firstLine: blocks.first[b] as number });
  return parse(text, undefined, mode).nodes[0] as ConfigNode;
}

interface Mode {
  shareEmpty: boolean;
  known: ParsedBlocks | undefined;
  headersOnly: boolean;
  /** For a block parsed on its own: the line separator of its text, and its first line number. */
  separator: string | undefined;
  firstLine: number;
}

/** A mode with every field set, in one order: one object shape for every call (no deoptimising). */
function modeOf(mode: Partial<Mode>): Mode {
  return {
    shareEmpty: mode.shareEmpty ?? false,
    known: mode.known,
    headersOnly: mode.headersOnly ?? false,
    separator: mode.separator,
    firstLine: mode.firstLine ?? 0,
  };
}

function parse(text: string, source: string | undefined, mode: Mode): ParsedBlocks {
  const { known, shareEmpty, headersOnly } = mode;
  const fail: Fail = (message, line) => {
    throw new IosConfigError('parse', message, line, source);
  };
  if (text.includes('\0')) fail('binary data (NUL bytes) is not an IOS configuration');
  // A UTF-8 byte order mark (Windows editors) would otherwise be part of the first line.
  if (text.startsWith('\uFEFF')) text = text.slice(1);

  const lines = new Lines(text, mode.separator ?? lineSeparator(text));
  const lineOffset = mode.firstLine;
  const out: ParsedBlocks = { text, separator: lines.separator, headers: [], start: [], stop: [], first: [], last: [], nodes: [], same: [], under: [] };
  const matcher = known ? new BlockMatcher(known, text, lines.separator) : undefined;
  // The open sections, top level first, as parallel arrays: no object per line. A level's
  // child indentation is fixed by its first line (-1: none yet). Sized for any real nesting, so
  // that opening a level never grows them (which would deoptimise this loop); they still can.
  // `open` holds the nodes being built (none for the lines headersOnly does not keep).
  const open = new Array<ConfigNode | undefined>(MAX_USUAL_DEPTH).fill(undefined);
  const openTexts = new Array<string>(MAX_USUAL_DEPTH).fill('');
  const indents = new Array<number>(MAX_USUAL_DEPTH).fill(-1);
  const childIndents = new Array<number>(MAX_USUAL_DEPTH).fill(-1);
  let depth = 0;

  while (lines.next()) {
    const content = lines.content();
    if (isSkipped(content)) continue;
    const lineNo = lines.index + lineOffset + 1;
    const indent = lines.indent();
    if (isEnd(content, indent)) {
      rejectContentAfterEnd(lines, fail);
      break;
    }
    if (isTerminator(content)) {
      // Inside a block, a terminator is part of its text (a top-level one is not).
      if ((childIndents[0] as number) >= 0 && indent > (childIndents[0] as number)) endBlock(out, lines);
      continue;
    }

    while ((indents[depth] as number) >= indent) depth--;
    const topLevel = depth === 0;
    // The first line of a level fixes its indentation (a file indented as a whole is fine);
    // a line between two known levels belongs to neither.
    if (childIndents[depth] === -1) childIndents[depth] = indent;
    if (childIndents[depth] !== indent) {
      const where = topLevel ? 'the top-level lines' : `the other lines of section "${openTexts[depth] as string}"`;
      fail(`impossible indentation: ${indent} columns, but ${where} use ${childIndents[depth]}`, lineNo);
    }
    if (topLevel) {
      const same = matcher ? matcher.match(content, lines.start, indent) : -1;
      out.headers.push(content);
      out.start.push(lines.start);
      out.first.push(lines.index);
      out.same.push(same);
      out.stop.push(lines.end);
      out.last.push(lines.index);
      out.under.push(0);
      if (same >= 0) {
        skipRun(out, known as ParsedBlocks, same, (matcher as BlockMatcher).runLength, lines);
        continue;
      }
    }
    // Lines under a top-level one are checked but not kept in headersOnly mode: no node for them.
    const node: ConfigNode | undefined = topLevel || !headersOnly ? { text: content, line: lineNo, children: shareEmpty ? NO_CHILDREN : [] } : undefined;
    if (node) {
      if (topLevel) out.nodes.push(node);
      else addChild(open[depth] as ConfigNode, node);
    }

    // The lines this one makes in the text diff, if under a top-level line: one, unless it has a body.
    let written = 1;
    const banner = content.startsWith('banner ') ? BANNER.exec(content) : null;
    if (banner) {
      const body = readBanner(lines, banner[1] as string, banner[2] ?? '', fail);
      const text = `banner ${banner[1] as string}`;
      if (node) {
        node.text = text;
        node.body = body;
      }
      if (!topLevel) written = nodeLineCount(text, body);
    } else if (content.startsWith('certificate ') && !topLevel && (openTexts[depth] as string).startsWith('crypto pki certificate chain')) {
      const body = readCertificate(lines, fail);
      if (node) node.body = body;
      written = nodeLineCount(content, body);
    } else {
      depth++;
      open[depth] = node;
      openTexts[depth] = content;
      indents[depth] = indent;
      childIndents[depth] = -1;
    }
    if (!topLevel) out.under[out.under.length - 1] = (out.under[out.under.length - 1] as number) + written;
    endBlock(out, lines);
  }
  return out;
}

function addChild(parent: ConfigNode, node: ConfigNode): void {
  if (parent.children === NO_CHILDREN) parent.children = [node];
  else parent.children.push(node);
}

/** The current top-level block goes on to the end of the current line. */
function endBlock(out: ParsedBlocks, lines: Lines): void {
  out.stop[out.stop.length - 1] = lines.end;
  out.last[out.last.length - 1] = lines.index;
}

/**
 * Records the blocks of a run matched to known blocks `b`… (the first one is recorded from its
 * header already) and moves the reader to the last line of the run.
 */
function skipRun(out: ParsedBlocks, known: ParsedBlocks, b: number, count: number, lines: Lines): void {
  const offset = lines.start - (known.start[b] as number);
  const shift = lines.index - (known.first[b] as number);
  for (let k = b; k < b + count; k++) {
    if (k > b) {
      out.headers.push(known.headers[k] as string);
      out.start.push((known.start[k] as number) + offset);
      out.first.push((known.first[k] as number) + shift);
      out.same.push(k);
      out.stop.push(0);
      out.last.push(0);
      out.under.push(0);
    }
    out.under[out.under.length - 1] = known.under[k] as number;
    out.nodes.push(undefined);
    out.stop[out.stop.length - 1] = (known.stop[k] as number) + offset;
    out.last[out.last.length - 1] = (known.last[k] as number) + shift;
  }
  lines.skipTo(out.last[out.last.length - 1] as number, out.stop[out.stop.length - 1] as number);
}

/** Lines after `end` would be ignored, and then negated on the device: refuse them. */
function rejectContentAfterEnd(lines: Lines, fail: Fail): void {
  const endLine = lines.index + 1;
  while (lines.next()) {
    if (!isSkipped(lines.content())) {
      fail(`configuration after "end" (line ${endLine}) would be ignored: remove the "end" or what follows it`, lines.index + 1);
    }
  }
}

/** Reads a banner that starts on the current line, up to the line that closes it: its body. */
function readBanner(lines: Lines, type: string, rest: string, fail: Fail): string {
  const startLine = lines.index + 1;
  if (rest === '') fail(`banner ${type} has no delimiter character`, startLine);
  // Show output prints the ETX delimiter as the two characters ^C.
  const delimiter = rest.startsWith('^C') ? '^C' : (rest[0] as string);
  const first = rest.slice(delimiter.length);
  const closeOnFirst = findDelimiter(first, delimiter);
  if (closeOnFirst >= 0) return first.slice(0, closeOnFirst).trimEnd();
  const body: string[] = first.trim() === '' ? [] : [first.trimEnd()];
  while (lines.next()) {
    const raw = lines.raw();
    const close = findDelimiter(raw, delimiter);
    if (close >= 0) {
      const last = raw.slice(0, close).trimEnd();
      if (last !== '') body.push(last);
      return body.join('\n');
    }
    body.push(raw.trimEnd());
  }
  return fail(`banner ${type} is not terminated: no closing "${printable(delimiter)}" delimiter`, startLine);
}

function findDelimiter(text: string, delimiter: string): number {
  const at = text.indexOf(delimiter);
  if (at >= 0) return at;
  // Either spelling of ETX closes a banner opened with the other one.
  if (delimiter === '^C') return text.indexOf(ETX);
  if (delimiter === ETX) return text.indexOf('^C');
  return -1;
}

function printable(delimiter: string): string {
  return delimiter === ETX ? '^C' : delimiter;
}

/** Reads the hex lines of a certificate that starts on the current line, up to its `quit`: its body. */
function readCertificate(lines: Lines, fail: Fail): string {
  const startLine = lines.index + 1;
  const hex: string[] = [];
  while (lines.next()) {
    const content = lines.content();
    if (content === 'quit') return hex.join('\n');
    if (content !== '') hex.push(content.replace(/\s+/g, ' '));
  }
  return fail(`certificate is not terminated by "quit"`, startLine);
}
