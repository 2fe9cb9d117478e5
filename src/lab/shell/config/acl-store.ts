// Access lists as the device keeps them: ordered entries with sequence numbers.
//
// How they are stored in LabDevice.running:
// - a named list is the section `ip access-list standard|extended NAME`; its entries are its
//   children, whose text is the entry as show running-config prints it (no sequence number);
// - a numbered list is the top-level lines `access-list N <entry>` (IOS prints them that way);
// - every entry node may carry its sequence number in a `seq` field (AclEntryNode). Nodes loaded
//   from a config text have none: IOS numbers a loaded list 10, 20, 30…, and so does
//   `aclEntries`; the first edit of a list writes the numbers into its nodes.
// `show ip access-lists` reads them through aclEntries().

import type { ConfigNode } from '../../../ios/types.js';
import type { LabDevice } from '../../device/lab-device.js';
import { insertOrdered, newNode, removeWhere } from './config-tree.js';
import { orderOf } from './show-order.js';

export interface AclEntryNode extends ConfigNode {
  seq?: number;
}

export interface AclEntry {
  seq: number;
  /** The entry without its sequence number, as IOS prints it (`deny   ip any any log`, `remark …`). */
  text: string;
}

export type AclType = 'standard' | 'extended';

const NAMED = /^ip access-list (standard|extended) (\S+)$/;
const STEP = 10;

/** One list, named (its section, if it exists) or numbered (its lines are found by number). */
export interface AclList {
  name: string;
  numbered: boolean;
  /** A named list's entries: its section's children (undefined if it does not exist). */
  children: ConfigNode[] | undefined;
}

export function isNumberedAcl(name: string): boolean {
  return /^\d+$/.test(name);
}

/** The type IOS gives a numbered list by its number range; undefined outside the IPv4 ranges. */
export function numberedAclType(num: number): AclType | undefined {
  if ((num >= 1 && num <= 99) || (num >= 1300 && num <= 1999)) return 'standard';
  if ((num >= 100 && num <= 199) || (num >= 2000 && num <= 2699)) return 'extended';
  return undefined;
}

/** The type of a list, numbered or named; undefined for a named list that does not exist. */
export function aclType(running: readonly ConfigNode[], name: string): AclType | undefined {
  return isNumberedAcl(name) ? numberedAclType(Number(name)) : namedAclSection(running, name)?.type;
}

/** `ip access-list standard|extended NAME`: the list's type and name; undefined for other lines. */
export function namedAclHeader(text: string): { type: AclType; name: string } | undefined {
  const m = text.startsWith('ip access-list ') ? NAMED.exec(text) : null;
  return m ? { type: m[1] as AclType, name: m[2] as string } : undefined;
}

/** The named section of a list, whatever its type. */
export function namedAclSection(running: readonly ConfigNode[], name: string): { node: ConfigNode; type: AclType } | undefined {
  const suffix = ` ${name}`;
  for (const node of running) {
    const header = node.text.endsWith(suffix) ? namedAclHeader(node.text) : undefined;
    if (header?.name === name) return { node, type: header.type };
  }
  return undefined;
}

export function findAcl(running: readonly ConfigNode[], name: string): AclList {
  if (isNumberedAcl(name)) return { name, numbered: true, children: undefined };
  return { name, numbered: false, children: namedAclSection(running, name)?.node.children };
}

function entryNodes(running: readonly ConfigNode[], list: AclList): AclEntryNode[] {
  if (!list.numbered) return list.children ?? [];
  const prefix = `access-list ${list.name} `;
  return running.filter((node) => node.text.startsWith(prefix));
}

function entryText(list: AclList, node: ConfigNode): string {
  return list.numbered ? node.text.slice(`access-list ${list.name} `.length) : node.text;
}

/** Sequence numbers of the nodes: stored ones, or counted on in steps of 10 as IOS numbers a loaded list. */
function sequences(nodes: readonly AclEntryNode[]): number[] {
  let previous = 0;
  return nodes.map((node) => (previous = node.seq ?? previous + STEP));
}

/** The entries of a list with their sequence numbers (named or numbered; empty if there is none). */
export function aclEntries(device: LabDevice, name: string): AclEntry[] {
  const list = findAcl(device.running, name);
  const nodes = entryNodes(device.running, list);
  const seqs = sequences(nodes);
  return nodes.map((node, i) => ({ seq: seqs[i] as number, text: entryText(list, node) }));
}

function materialize(nodes: AclEntryNode[]): void {
  const seqs = sequences(nodes);
  nodes.forEach((node, i) => (node.seq = seqs[i]));
}

export type AddResult = 'added' | 'duplicate-entry' | 'duplicate-sequence';

/**
 * Adds an entry: at `seq` (in sequence order) or after the last one (last + 10). An entry equal
 * to an existing one is ignored, as IOS does; a taken sequence number is refused.
 */
export function addAclEntry(running: ConfigNode[], list: AclList, text: string, seq: number | undefined): AddResult {
  const nodes = entryNodes(running, list);
  materialize(nodes);
  if (seq !== undefined && nodes.some((node) => node.seq === seq)) return 'duplicate-sequence';
  if (nodes.some((node) => entryText(list, node) === text)) return 'duplicate-entry';
  const last = nodes[nodes.length - 1]?.seq ?? 0;
  const node: AclEntryNode = { ...newNode(list.numbered ? `access-list ${list.name} ${text}` : text), seq: seq ?? last + STEP };
  const before = nodes.find((other) => (other.seq as number) > (node.seq as number));
  const siblings = list.numbered ? running : (list.children as ConfigNode[]);
  if (before !== undefined) siblings.splice(siblings.indexOf(before), 0, node);
  else if (nodes.length > 0) siblings.splice(siblings.indexOf(nodes[nodes.length - 1] as ConfigNode) + 1, 0, node);
  else if (list.numbered) insertOrdered(running, node, orderOf('global'));
  else siblings.push(node);
  return 'added';
}

/** Removes the entry with this sequence number or this text; returns whether there was one. */
export function removeAclEntry(running: ConfigNode[], list: AclList, which: { seq?: number; text?: string }): boolean {
  const nodes = entryNodes(running, list);
  materialize(nodes);
  const node = nodes.find((n) => (which.seq !== undefined ? n.seq === which.seq : entryText(list, n) === which.text));
  if (node === undefined) return false;
  const siblings = list.numbered ? running : (list.children as ConfigNode[]);
  siblings.splice(siblings.indexOf(node), 1);
  return true;
}

/** `ip access-list resequence NAME START STEP`: entry k gets START + k·STEP. */
export function resequenceAcl(running: ConfigNode[], list: AclList, start: number, step: number): boolean {
  const nodes = entryNodes(running, list);
  let changed = false;
  nodes.forEach((node, i) => {
    const seq = start + i * step;
    changed ||= node.seq !== seq;
    node.seq = seq;
  });
  return changed;
}

/** Removes a whole list (a named section, or every `access-list N` line). */
export function deleteAcl(running: ConfigNode[], list: AclList): boolean {
  if (!list.numbered) {
    const section = namedAclSection(running, list.name)?.node;
    return section !== undefined && removeWhere(running, (node) => node === section);
  }
  const prefix = `access-list ${list.name} `;
  return removeWhere(running, (node) => node.text.startsWith(prefix));
}
