// `show ip access-lists [NAME]`: every IPv4 ACL with its sequence numbers, as IOS shows them.
// The sequence numbers are the ones the config interpreter keeps (running-config hides them);
// remarks hold a number too but are configuration only, and are not shown.

import type { LabDevice } from '../../device/lab-device.js';
import { aclEntries, namedAclHeader, numberedAclType } from '../config/acl-store.js';
import type { ExecResult } from '../contracts.js';
import { dottedQuad } from '../grammar/token-types.js';
import type { ExecRequest } from './exec-command.js';

interface AccessList {
  name: string;
  kind: 'standard' | 'extended';
  entries: { seq: number; text: string }[];
}

const NUMBERED_LINE = /^access-list (\d+) /;

export function showIpAccessLists({ device, args }: ExecRequest): ExecResult {
  const lists = accessLists(device).filter((list) => args.name === undefined || list.name === args.name);
  return { output: lists.flatMap(listLines) };
}

/** Numbered lists by number, then named lists in config order. */
function accessLists(device: LabDevice): AccessList[] {
  const numbered = new Map<number, AccessList['kind']>();
  const named: Omit<AccessList, 'entries'>[] = [];
  for (const node of device.running) {
    const numberedKind = numberedAclType(Number(NUMBERED_LINE.exec(node.text)?.[1]));
    if (numberedKind) numbered.set(Number(node.text.split(' ')[1]), numberedKind);
    const header = namedAclHeader(node.text);
    if (header) named.push({ name: header.name, kind: header.type });
  }
  const byNumber = [...numbered].sort(([a], [b]) => a - b).map(([number, kind]) => ({ name: String(number), kind }));
  return [...byNumber, ...named].map((list) => ({
    ...list,
    entries: aclEntries(device, list.name).filter((entry) => !entry.text.startsWith('remark')),
  }));
}

function listLines(list: AccessList): string[] {
  const title = `${list.kind === 'standard' ? 'Standard' : 'Extended'} IP access list ${list.name}`;
  const format = list.kind === 'standard' ? standardEntry : (text: string) => text.split(/\s+/).join(' ');
  return [title, ...list.entries.map((entry) => `    ${entry.seq} ${format(entry.text)}`)];
}

/** `permit 10.0.0.0 0.0.0.255` → `permit 10.0.0.0, wildcard bits 0.0.0.255`; `deny` padded to `permit`'s width. */
function standardEntry(text: string): string {
  const [action, ...rest] = text.split(/\s+/);
  let source: string;
  if (rest[0] === 'host') source = rest.splice(0, 2)[1] as string;
  else if (dottedQuad(rest[1] ?? '') !== undefined) source = rest.splice(0, 2).join(', wildcard bits ');
  else source = rest.shift() ?? '';
  return [action === 'deny' ? 'deny  ' : action, source, ...rest].join(' ');
}
