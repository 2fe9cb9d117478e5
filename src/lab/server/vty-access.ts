// `access-class ACL in` on the vty lines: which remote addresses may open a session. IOS checks
// it when the TCP connection arrives, before any login, so a bad ACL locks its author out. The
// ACL entries are read as the config interpreter stores them (acl-store); no I/O here.

import type { ConfigNode } from '../../ios/types.js';
import type { LabDevice } from '../device/lab-device.js';
import { ipToInt } from '../generate/lab-net.js';
import { aclEntries, aclType } from '../shell/config/acl-store.js';
import { dottedQuad } from '../shell/grammar/token-types.js';

/** The vty's access entries per device, read once per config revision, not once per login. */
const vtyEntries = new WeakMap<LabDevice, { revision: number; entries: string[][] | undefined }>();

/** True when the device's running config lets `remoteAddress` open a vty session. */
export function vtyPermits(device: LabDevice, remoteAddress: string): boolean {
  let cached = vtyEntries.get(device);
  if (cached?.revision !== device.revision) {
    const acl = vtyAccessClass(device.running);
    cached = { revision: device.revision, entries: acl === undefined ? undefined : accessEntries(device, acl) };
    vtyEntries.set(device, cached);
  }
  return cached.entries === undefined || entriesPermit(cached.entries, remoteAddress);
}

/**
 * The inbound access-class of the vty line a new connection lands on: the one of the `line vty`
 * section that starts at line 0 (or the first `line vty` section).
 */
export function vtyAccessClass(running: readonly ConfigNode[]): string | undefined {
  const vtys = running.filter((node) => /^line vty \d+/.test(node.text));
  const first = vtys.find((node) => /^line vty 0\b/.test(node.text)) ?? vtys[0];
  for (const child of first?.children ?? []) {
    const m = /^access-class (\S+) in\b/.exec(child.text);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * Evaluates an ACL (named, or numbered) for a source address: first match wins, implicit deny at
 * the end. An ACL that does not exist or has no entries permits everything, as IOS treats an
 * undefined access-class. Extended entries are matched on their source (the vty is the
 * destination anyway).
 */
export function aclPermits(device: LabDevice, acl: string, remoteAddress: string): boolean {
  return entriesPermit(accessEntries(device, acl), remoteAddress);
}

/** The ACL's permit/deny entries as `[action, source words…]`. */
function accessEntries(device: LabDevice, acl: string): string[][] {
  const extended = aclType(device.running, acl) === 'extended';
  return aclEntries(device, acl)
    .map((entry) => entry.text.split(/\s+/).filter((word) => word !== ''))
    // A loaded config may carry sequence numbers in the entry text.
    .map((words) => (/^\d+$/.test(words[0] ?? '') ? words.slice(1) : words))
    .filter((words) => words[0] === 'permit' || words[0] === 'deny')
    // An extended entry's protocol comes before its source.
    .map((words) => (extended ? [words[0] as string, ...words.slice(2)] : words));
}

function entriesPermit(entries: string[][], remoteAddress: string): boolean {
  if (entries.length === 0) return true;
  const address = ipv4Number(remoteAddress.replace(/^::ffff:/i, ''));
  for (const entry of entries) {
    const verdict = entryVerdict(entry, address);
    if (verdict !== undefined) return verdict;
  }
  return false;
}

/** permit|deny (any | host A | A [wildcard]): true/false when the entry matches, else undefined. */
function entryVerdict(words: string[], address: number | undefined): boolean | undefined {
  const [action, first = '', second = ''] = words;
  let matched: boolean;
  if (first === 'any') matched = true;
  else if (address === undefined) matched = false;
  else if (first === 'host') matched = ipv4Number(second) === address;
  else {
    const network = ipv4Number(first);
    const wildcard = ipv4Number(second) ?? 0;
    matched = network !== undefined && (address & ~wildcard) >>> 0 === (network & ~wildcard) >>> 0;
  }
  return matched ? action === 'permit' : undefined;
}

function ipv4Number(text: string): number | undefined {
  const address = dottedQuad(text);
  return address === undefined ? undefined : ipToInt(address);
}
