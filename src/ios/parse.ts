// IOS configuration text → tree. Sections come from relative indentation; banners and
// certificate blocks are read whole. Bad input is an IosConfigError naming the line.

import { IosConfigError } from './errors.js';
import type { ConfigNode, ConfigTree } from './types.js';

export interface ParseOptions {
  /** File name or label used in error messages. */
  source?: string;
}

/** Lines that close a section or the config: structure, not configuration. */
const TERMINATORS = new Set([
  'exit',
  'exit-address-family',
  'exit-peer-policy',
  'exit-peer-session',
  'exit-vrf',
  'exit-service-insertion',
  'quit',
]);

const BANNER = /^banner (motd|login|exec|incoming|slip-ppp|prompt-timeout|config-save)(?: (.*))?$/;
const ETX = '\x03';

interface Open {
  node: ConfigNode | undefined; // undefined: the top level
  indent: number;
  childIndent: number | undefined;
  children: ConfigNode[];
}

export function parseConfig(text: string, options: ParseOptions = {}): ConfigTree {
  const { source } = options;
  const fail = (message: string, line?: number): never => {
    throw new IosConfigError('parse', message, line, source);
  };
  if (text.includes('\0')) fail('binary data (NUL bytes) is not an IOS configuration');
  // A UTF-8 byte order mark (Windows editors) would otherwise be part of the first line.
  if (text.startsWith('\uFEFF')) text = text.slice(1);

  // Split on \n and trim \r per line: faster than a regex split on 100k-line configs.
  const lines = (text.includes('\r') && !text.includes('\n') ? text.split('\r') : text.split('\n'));
  const root: ConfigNode[] = [];
  const stack: Open[] = [{ node: undefined, indent: -1, childIndent: undefined, children: root }];

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const content = raw.trim(); // also drops the \r of \r\n line ends
    if (content === '' || content.startsWith('!')) continue;
    const lineNo = i + 1;
    const indent = leadingWhitespace(raw);
    if (indent === 0 && content === 'end') {
      rejectContentAfterEnd(lines, i, fail);
      break;
    }
    if (TERMINATORS.has(content)) continue;

    while ((stack[stack.length - 1] as Open).indent >= indent) stack.pop();
    const parent = stack[stack.length - 1] as Open;
    // The first line of a level fixes its indentation (a file indented as a whole is fine);
    // a line between two known levels belongs to neither.
    parent.childIndent ??= indent;
    if (parent.childIndent !== indent) {
      const where = parent.node ? `the other lines of section "${parent.node.text}"` : 'the top-level lines';
      fail(`impossible indentation: ${indent} columns, but ${where} use ${parent.childIndent}`, lineNo);
    }

    const node: ConfigNode = { text: content, line: lineNo, children: [] };
    parent.children.push(node);

    const banner = content.startsWith('banner ') ? BANNER.exec(content) : null;
    if (banner) {
      i = readBanner(lines, i, banner[1] as string, banner[2] ?? '', node, fail);
      continue;
    }
    if (content.startsWith('certificate ') && parent.node?.text.startsWith('crypto pki certificate chain')) {
      i = readCertificate(lines, i, node, fail);
      continue;
    }
    stack.push({ node, indent, childIndent: undefined, children: node.children });
  }
  return { children: root };
}

/** Lines after `end` would be ignored, and then negated on the device: refuse them. */
function rejectContentAfterEnd(lines: string[], endIndex: number, fail: (message: string, line?: number) => never): void {
  for (let j = endIndex + 1; j < lines.length; j++) {
    const content = (lines[j] as string).trim();
    if (content !== '' && !content.startsWith('!')) {
      fail(`configuration after "end" (line ${endIndex + 1}) would be ignored: remove the "end" or what follows it`, j + 1);
    }
  }
}

/** Columns of indentation; a tab counts as one column, as a level of its own. */
function leadingWhitespace(raw: string): number {
  let n = 0;
  while (n < raw.length && (raw[n] === ' ' || raw[n] === '\t')) n++;
  return n;
}

/** Reads a banner starting at line `start`; returns the index of its last line. */
function readBanner(
  lines: string[],
  start: number,
  type: string,
  rest: string,
  node: ConfigNode,
  fail: (message: string, line?: number) => never,
): number {
  node.text = `banner ${type}`;
  if (rest === '') fail(`banner ${type} has no delimiter character`, start + 1);
  // Show output prints the ETX delimiter as the two characters ^C.
  const delimiter = rest.startsWith('^C') ? '^C' : (rest[0] as string);
  const first = rest.slice(delimiter.length);
  const closeOnFirst = findDelimiter(first, delimiter);
  if (closeOnFirst >= 0) {
    node.body = first.slice(0, closeOnFirst).trimEnd();
    return start;
  }
  const body: string[] = first.trim() === '' ? [] : [first.trimEnd()];
  for (let j = start + 1; j < lines.length; j++) {
    const raw = lines[j] as string;
    const close = findDelimiter(raw, delimiter);
    if (close >= 0) {
      const last = raw.slice(0, close).trimEnd();
      if (last !== '') body.push(last);
      node.body = body.join('\n');
      return j;
    }
    body.push(raw.trimEnd());
  }
  return fail(`banner ${type} is not terminated: no closing "${printable(delimiter)}" delimiter`, start + 1);
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

/** Reads the hex lines of a certificate up to its `quit`; returns the index of that line. */
function readCertificate(
  lines: string[],
  start: number,
  node: ConfigNode,
  fail: (message: string, line?: number) => never,
): number {
  const hex: string[] = [];
  for (let j = start + 1; j < lines.length; j++) {
    const content = (lines[j] as string).trim();
    if (content === 'quit') {
      node.body = hex.join('\n');
      return j;
    }
    if (content !== '') hex.push(content.replace(/\s+/g, ' '));
  }
  return fail(`certificate is not terminated by "quit"`, start + 1);
}
