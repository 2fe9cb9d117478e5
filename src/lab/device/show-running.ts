// The running configuration printed the way IOS 15 prints it: the volatile header, `!` between
// sections and between groups of global lines, one space of indentation per level (so
// address-family children sit two spaces in), banners between `^C`, and `end`.

import { nodeLines } from '../../ios/serialize.js';
import type { ConfigNode } from '../../ios/types.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `10:12:01 UTC Mon Nov 2 2026`, as IOS prints times. */
export function iosTime(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
  const day = DAYS[at.getUTCDay()] as string;
  const month = MONTHS[at.getUTCMonth()] as string;
  return `${time} UTC ${day} ${month} ${at.getUTCDate()} ${at.getUTCFullYear()}`;
}

/** The config body, from the first `!` to `end`: what startup-config keeps. */
export function renderRunningBody(running: readonly ConfigNode[]): string {
  const out: string[] = ['!'];
  let previous: { word: string; isSection: boolean } | undefined;
  for (const node of running) {
    const isSection = node.children.length > 0 || node.body !== undefined;
    const word = firstWord(node.text);
    // IOS prints `line con 0`, `line aux 0` and `line vty …` back to back.
    const grouped = previous !== undefined && word === previous.word && (word === 'line' || (!isSection && !previous.isSection));
    if (previous !== undefined && !grouped) out.push('!');
    writeNode(node, 0, out);
    previous = { word, isSection };
  }
  out.push('!', 'end', '');
  return out.join('\n');
}

/** The `show running-config` output: the volatile header, then the body. */
export function showRunningText(body: string, lastChange: { at: Date; by: string } | undefined): string {
  const changed = lastChange ? `!\n! Last configuration change at ${iosTime(lastChange.at)} by ${lastChange.by}\n` : '';
  const text = changed + body;
  return `Building configuration...\n\nCurrent configuration : ${Buffer.byteLength(text)} bytes\n${text}`;
}

function writeNode(node: ConfigNode, depth: number, out: string[]): void {
  const indent = ' '.repeat(depth);
  // IOS sets an address family apart: an indented `!` before, `exit-address-family` after.
  const isAddressFamily = depth > 0 && node.text.startsWith('address-family ');
  if (isAddressFamily) out.push(`${indent}!`);
  if (node.body === undefined) out.push(indent + node.text);
  else out.push(...nodeLines(node, depth));
  for (const child of node.children) writeNode(child, depth + 1, out);
  if (isAddressFamily) out.push(`${indent}exit-address-family`);
}

/** Groups global lines for the `!` separators: `ip route` lines together, `logging` together. */
function firstWord(text: string): string {
  // Only the first words are needed: splitting every line of a 5k-line config was the lab's top cost.
  const words = text.split(' ', 3);
  const first = words[0] === 'no' ? (words[1] ?? '') : (words[0] ?? '');
  return first === 'ip' || first === 'ipv6' ? `${first} ${words[words[0] === 'no' ? 2 : 1] ?? ''}` : first;
}
