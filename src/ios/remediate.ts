// Remediation: the ordered commands that turn a normalised running tree into the intended one.
// Compares sections by header and lines by text under their parent, then applies the
// platform's rules (slots, negations, kills, resets, groups) and orders by weight.

import { aclEditCommands, numberedAclBlocks, splitNumberedAcls } from './acl-edit.js';
import {
  DEFAULT_WEIGHTS,
  fillTemplate,
  findRule,
  isOrderedSection,
  negationOf,
  slotOf,
  type Platform,
} from './platform.js';
import { ciscoIos } from './platforms/cisco-ios.js';
import { sharedMarks, unmarked, type SharedMarks } from './shared-nodes.js';
import type { ConfigNode, ConfigTree, PlanCommand } from './types.js';

/** Commands that stay together, placed by weight among their siblings. */
export interface Block {
  weight: number;
  commands: PlanCommand[];
}

export function remediate(running: ConfigTree, intended: ConfigTree, platform: Platform = ciscoIos): PlanCommand[] {
  return flattenBlocks(diffLevel(platform, [], running.children, intended.children, []));
}

/** Stable sort by weight, then concatenate. */
export function flattenBlocks(blocks: Block[]): PlanCommand[] {
  return blocks
    .map((block, index) => ({ block, index }))
    .sort((a, b) => a.block.weight - b.block.weight || a.index - b.index)
    .flatMap(({ block }) => block.commands);
}

function diffLevel(
  platform: Platform,
  path: string[],
  running: ConfigNode[],
  intended: ConfigNode[],
  inheritedKills: RegExp[],
): Block[] {
  const parent = path[path.length - 1];
  const blocks: Block[] = [];
  let shared: SharedMarks | undefined;
  if (parent === undefined) {
    // Numbered ACLs are flat top-level lines but one ordered list each.
    const r = splitNumberedAcls(running);
    const i = splitNumberedAcls(intended);
    blocks.push(...numberedAclBlocks(r.acls, i.acls));
    running = r.rest;
    intended = i.rest;
    shared = sharedMarks(running, intended);
  }
  // Nodes the two trees share are unchanged, and no other node has their text: they are left
  // out, except where whole lists count (group members, lines a reset deletes).
  const whole = { running, intended };
  if (shared && shared.count > 0) {
    running = unmarked(running, shared.a);
    intended = unmarked(intended, shared.b);
  }
  const weights = weightsAt(parent);
  const intendedTexts = new Set<string>();
  for (let i = 0; i < intended.length; i++) intendedTexts.add((intended[i] as ConfigNode).text);
  const runningByText = new Map<string, ConfigNode>();
  for (let i = 0; i < running.length; i++) runningByText.set((running[i] as ConfigNode).text, running[i] as ConfigNode);

  // Lines that set the same thing as an intended line (a slot) are replaced, not removed.
  const removed = running.filter((n) => !intendedTexts.has(n.text));
  const bySlot = new Map<string, ConfigNode>();
  for (const node of removed) bySlot.set(slotOf(platform, node.text, parent).key, node);
  const partners = new Map<ConfigNode, { partner: ConfigNode; negateFirst: boolean }>();
  const replaced = new Set<ConfigNode>();
  for (let i = 0; i < intended.length; i++) {
    const node = intended[i] as ConfigNode;
    if (runningByText.has(node.text)) continue;
    const slot = slotOf(platform, node.text, parent);
    const partner = bySlot.get(slot.key);
    if (partner && !replaced.has(partner)) {
      replaced.add(partner);
      partners.set(node, { partner, negateFirst: slot.negateFirst });
    }
  }

  // Removing some lines removes others with them (a BGP neighbour): never negate those again.
  const kills = [...inheritedKills];
  const killers = new Set<ConfigNode>();
  for (const node of removed) {
    if (replaced.has(node)) continue;
    const found = findRule(platform, node.text, parent, 'kills');
    if (!found) continue;
    killers.add(node);
    kills.push(new RegExp(fillTemplate(found.rule.kills as string, found.groups, true)));
  }
  const candidates = removed.filter((n) => !replaced.has(n) && (killers.has(n) || !kills.some((re) => re.test(n.text))));

  const changedTexts: string[] = [];
  for (let i = 0; i < intended.length; i++) {
    const node = intended[i] as ConfigNode;
    const old = runningByText.get(node.text);
    if (old) {
      const block = diffMatched(platform, path, old, node, kills);
      if (block) blocks.push(block);
      continue;
    }
    changedTexts.push(node.text);
    const pair = partners.get(node);
    const weight = ruleWeight(platform, node.text, parent, 'addWeight') ?? weights.add;
    if (pair) {
      const { partner } = pair;
      changedTexts.push(partner.text);
      const commands = addCommands(platform, path, node, `replaces "${partner.text}"`, 'replace');
      if (pair.negateFirst) commands.unshift(removeCommand(path, negationOf(platform, partner.text, parent), partner.text));
      blocks.push({ weight, commands });
    } else {
      blocks.push({ weight, commands: addCommands(platform, path, node, 'not on the device', 'add') });
    }
  }

  const resets = resetsAt(platform, parent, [...changedTexts, ...candidates.map((n) => n.text)]);
  if (resets) {
    const onDevice = (node: ConfigNode, k: number): boolean => runningByText.has(node.text) || shared?.b[k] === 1;
    blocks.push(...resentBlocks(path, whole.intended, onDevice, resets, weights.add));
  }
  const toRemove = resets ? candidates.filter((n) => !resets.re.test(n.text)) : candidates;
  blocks.push(...removalBlocks(platform, path, toRemove, whole.running, whole.intended, weights.remove));
  return blocks;
}

function weightsAt(parent: string | undefined): { add: number; remove: number } {
  return parent === undefined
    ? { add: DEFAULT_WEIGHTS.topAdd, remove: DEFAULT_WEIGHTS.topRemove }
    : { add: DEFAULT_WEIGHTS.childAdd, remove: DEFAULT_WEIGHTS.childRemove };
}

function ruleWeight(
  platform: Platform,
  text: string,
  parent: string | undefined,
  attribute: 'addWeight' | 'removeWeight' | 'groupRemoveWeight',
): number | undefined {
  return findRule(platform, text, parent, attribute)?.rule[attribute];
}

/** A line present on both sides: its section's children (or banner text) may still differ. */
function diffMatched(platform: Platform, path: string[], old: ConfigNode, node: ConfigNode, kills: RegExp[]): Block | undefined {
  // Most sections are unchanged: confirm that without allocating anything.
  if (sameSubtree(old, node)) return undefined;
  const parent = path[path.length - 1];
  const weight = (): number => ruleWeight(platform, node.text, parent, 'addWeight') ?? weightsAt(parent).add;
  if (old.body !== node.body) {
    const command: PlanCommand = { path, text: node.text, kind: 'replace', reason: 'text differs' };
    if (node.body !== undefined) command.body = node.body;
    return { weight: weight(), commands: [command] };
  }
  const inner = [...path, node.text];
  const commands = isOrderedSection(platform, node.text)
    ? aclEditCommands(inner, old.children.map((c) => c.text), node.children.map((c) => c.text))
    : flattenBlocks(diffLevel(platform, inner, old.children, node.children, kills));
  return commands.length > 0 ? { weight: weight(), commands } : undefined;
}

/** Same text, body and children in the same order, all the way down. */
function sameSubtree(a: ConfigNode, b: ConfigNode): boolean {
  if (a === b) return true; // a block shared by the two trees of a pair (preparePair)
  if (a.text !== b.text || a.body !== b.body || a.children.length !== b.children.length) return false;
  for (let i = 0; i < a.children.length; i++) {
    if (!sameSubtree(a.children[i] as ConfigNode, b.children[i] as ConfigNode)) return false;
  }
  return true;
}

/** The commands that create `node` and everything under it. */
function addCommands(platform: Platform, path: string[], node: ConfigNode, reason: string, kind: 'add' | 'replace'): PlanCommand[] {
  const command: PlanCommand = { path, text: node.text, kind, reason };
  if (node.body !== undefined) command.body = node.body;
  if (node.children.length === 0) return [command];
  const children = flattenBlocks(diffLevel(platform, [...path, node.text], [], node.children, []));
  return [command, ...children];
}

function removeCommand(path: string[], text: string, line: string, reason?: string): PlanCommand {
  return { path, text, kind: 'remove', reason: reason ?? `removes "${line}": not in the intended config` };
}

/** When a changed line makes IOS delete some siblings (a VRF change deletes addresses). */
function resetsAt(platform: Platform, parent: string | undefined, changed: string[]): { re: RegExp; cause: string } | undefined {
  for (const text of changed) {
    const found = findRule(platform, text, parent, 'resets');
    if (found) return { re: found.rule.resets as RegExp, cause: text };
  }
  return undefined;
}

function resentBlocks(
  path: string[],
  intended: ConfigNode[],
  onDevice: (node: ConfigNode, index: number) => boolean,
  resets: { re: RegExp; cause: string },
  weight: number,
): Block[] {
  return intended
    .filter((n, k) => resets.re.test(n.text) && onDevice(n, k))
    .map((n) => ({
      weight,
      commands: [{ path, text: n.text, kind: 'add', reason: `re-sent: IOS deletes it when "${resets.cause}" changes` }],
    }));
}

function removalBlocks(
  platform: Platform,
  path: string[],
  nodes: ConfigNode[],
  running: ConfigNode[],
  intended: ConfigNode[],
  defaultWeight: number,
): Block[] {
  const parent = path[path.length - 1];
  const blocks: Block[] = [];
  const doneGroups = new Set<string>();
  const groups = nodes.map((node) => findRule(platform, node.text, parent, 'group'));
  const keys = groups.map((group) => (group ? fillTemplate(group.rule.group as string, group.groups) : undefined));
  const leaving = groupsLeaving(keys, running, intended, new Set(nodes));
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k] as ConfigNode;
    const group = groups[k];
    const key = keys[k];
    if (group && key !== undefined) {
      if (doneGroups.has(key)) continue;
      if (leaving.has(key)) {
        doneGroups.add(key);
        const text = fillTemplate(group.rule.groupNegate as string, group.groups);
        const weight = group.rule.groupRemoveWeight ?? defaultWeight;
        blocks.push({ weight, commands: [removeCommand(path, text, node.text, `removes every entry of ${key}: none is in the intended config`)] });
        continue;
      }
    }
    const negation = negationOf(platform, node.text, parent);
    if (negation.startsWith('default interface ') && isUnconfiguredPhysical(platform, node)) continue;
    const weight = ruleWeight(platform, node.text, parent, 'removeWeight') ?? defaultWeight;
    const reason = negation.startsWith('default interface ')
      ? 'physical interface not in the intended config: reset to its defaults'
      : undefined;
    blocks.push({ weight, commands: [removeCommand(path, negation, node.text, reason)] });
  }
  return blocks;
}

/**
 * The group keys that no intended line is in and whose running members are all being removed.
 * A key is the text its members start with (see CommandRule.group), so a line's key is its text
 * up to one of the keys' lengths: one pass over each list for all keys, however many groups a
 * plan removes lines of.
 */
function groupsLeaving(keys: Array<string | undefined>, running: ConfigNode[], intended: ConfigNode[], removing: Set<ConfigNode>): Set<string> {
  const leaving = new Set<string>();
  for (const key of keys) if (key !== undefined) leaving.add(key);
  if (leaving.size === 0) return leaving;
  const lengths = [...new Set([...leaving].map((key) => key.length))];
  const stays = (node: ConfigNode): void => {
    for (let l = 0; l < lengths.length; l++) {
      const length = lengths[l] as number;
      if (node.text.charCodeAt(length) === 32) leaving.delete(node.text.slice(0, length));
    }
  };
  for (let k = 0; k < intended.length && leaving.size > 0; k++) stays(intended[k] as ConfigNode);
  for (let k = 0; k < running.length && leaving.size > 0; k++) {
    const node = running[k] as ConfigNode;
    if (!removing.has(node)) stays(node);
  }
  return leaving;
}

/** A physical interface that shows only what an unconfigured port shows. */
function isUnconfiguredPhysical(platform: Platform, node: ConfigNode): boolean {
  return node.children.every((c) => platform.physicalInterfaceDefaults.some((re) => re.test(c.text)));
}
