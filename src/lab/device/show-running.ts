// The running configuration printed the way IOS 15 prints it: the volatile header, `!` between
// sections and between groups of global lines, one space of indentation per level (so
// address-family children sit two spaces in), banners between `^C`, and `end`.

import { nodeLines } from '../../ios/serialize.js';
import type { ConfigNode } from '../../ios/types.js';

interface RunningSource {
  running: ConfigNode[];
  lastChange: { at: Date; by: string } | undefined;
}

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

/** `withHeader`: the show-run form; without: the body alone (what startup-config keeps). */
export function renderShowRunning(device: RunningSource, withHeader: boolean): string {
  const out: string[] = ['!'];
  if (withHeader && device.lastChange) {
    out.push(`! Last configuration change at ${iosTime(device.lastChange.at)} by ${device.lastChange.by}`, '!');
  }
  let previousWord = '';
  for (const node of device.running) {
    const isSection = node.children.length > 0 || node.body !== undefined;
    const word = firstWord(node.text);
    if (out[out.length - 1] !== '!' && (isSection || word !== previousWord)) out.push('!');
    writeNode(node, 0, out);
    if (isSection) out.push('!');
    previousWord = word;
  }
  if (out[out.length - 1] !== '!') out.push('!');
  out.push('end', '');
  const body = out.join('\n');
  if (!withHeader) return body;
  return `Building configuration...\n\nCurrent configuration : ${Buffer.byteLength(body)} bytes\n${body}`;
}

function writeNode(node: ConfigNode, depth: number, out: string[]): void {
  if (node.body === undefined) out.push(' '.repeat(depth) + node.text);
  else out.push(...nodeLines(node, depth));
  for (const child of node.children) writeNode(child, depth + 1, out);
}

/** Groups global lines for the `!` separators: `ip route` lines together, `logging` together. */
function firstWord(text: string): string {
  const words = text.split(' ');
  const first = words[0] === 'no' ? (words[1] ?? '') : (words[0] ?? '');
  return first === 'ip' || first === 'ipv6' ? `${first} ${words[words[0] === 'no' ? 2 : 1] ?? ''}` : first;
}
