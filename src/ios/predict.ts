// Predict: apply plan commands to a running tree as IOS would, to get the expected result.
// It interprets the commands themselves (not the diff that produced them), so that a wrong
// or mis-ordered command shows up as a predicted config that differs from intent, or as an
// error where IOS would reject the command.

import { fillTemplate, findRule, isOrderedSection, slotOf, type Platform } from './platform.js';
import { ciscoIos } from './platforms/cisco-ios.js';
import type { ConfigNode, ConfigTree, PlanCommand } from './types.js';

export class PredictError extends Error {
  constructor(command: PlanCommand, why: string) {
    super(`IOS would reject "${[...command.path, command.text].join(' > ')}": ${why}`);
    this.name = 'PredictError';
  }
}

const NUMBERED_ACL_MODE = /^ip access-list (?:standard|extended) (\d+)$/;
const RESEQUENCE = /^ip access-list resequence (\S+) (\d+) (\d+)$/;

export function predictConfig(running: ConfigTree, commands: PlanCommand[], platform: Platform = ciscoIos): ConfigTree {
  const state = new Interpreter({ children: cloneNodes(running.children) }, platform);
  for (const command of commands) state.apply(command);
  return state.tree;
}

/**
 * A deep copy the interpreter may change: every node and children array its own (a prepared
 * tree shares empty arrays and nodes, which structuredClone would keep shared).
 */
function cloneNodes(nodes: ConfigNode[]): ConfigNode[] {
  return nodes.map((node) => {
    const copy: ConfigNode = { text: node.text, line: node.line, children: cloneNodes(node.children) };
    if (node.body !== undefined) copy.body = node.body;
    return copy;
  });
}

/** Word-prefix match: `no ip address` removes `ip address 10.0.0.1 255.0.0.0` but not `ip address-x`. */
function startsWithWords(line: string, prefix: string): boolean {
  return line === prefix || line.startsWith(`${prefix} `);
}

class Interpreter {
  /** Sequence numbers of ACL entries, as IOS keeps them (show run does not print them). */
  private readonly seqs = new WeakMap<ConfigNode, number>();

  constructor(
    readonly tree: ConfigTree,
    private readonly platform: Platform,
  ) {}

  apply(command: PlanCommand): void {
    const numbered = command.path.length === 1 ? NUMBERED_ACL_MODE.exec(command.path[0] as string) : null;
    if (numbered) return this.applyToNumberedAcl(numbered[1] as string, command);
    const container = this.enter(command.path);
    const parent = command.path[command.path.length - 1];
    if (isOrderedSection(this.platform, parent)) {
      this.applyAclEntry(container, command, (entry) => entry);
      return;
    }
    if (parent === undefined && this.applyGlobalSpecial(command)) return;
    if (command.text.startsWith('no ')) this.negate(container, parent, command.text.slice(3));
    else this.set(container, parent, command);
  }

  /** The children list of the section at `path`, creating sections as entering them would. */
  private enter(path: string[]): ConfigNode[] {
    let children = this.tree.children;
    for (const header of path) {
      let node = children.find((n) => n.text === header);
      if (!node) {
        node = { text: header, line: 0, children: [] };
        children.push(node);
      }
      children = node.children;
    }
    return children;
  }

  private applyGlobalSpecial(command: PlanCommand): boolean {
    const top = this.tree.children;
    const reseq = RESEQUENCE.exec(command.text);
    if (reseq) {
      const entries = this.aclEntries(reseq[1] as string);
      entries.forEach((node, k) => this.seqs.set(node, Number(reseq[2]) + k * Number(reseq[3])));
      return true;
    }
    const reset = /^default (.+)$/.exec(command.text);
    if (!reset) return false;
    const what = reset[1] as string;
    const section = top.find((n) => n.text === what);
    if (what.startsWith('interface ') && section) section.children = [];
    else this.tree.children = top.filter((n) => !startsWithWords(n.text.replace(/^no /, ''), what));
    return true;
  }

  private aclEntries(name: string): ConfigNode[] {
    const section = this.tree.children.find((n) => /^ip access-list (standard|extended) /.test(n.text) && n.text.split(' ')[3] === name);
    if (section) return section.children;
    return this.tree.children.filter((n) => n.text.startsWith(`access-list ${name} `));
  }

  private negate(container: ConfigNode[], parent: string | undefined, what: string): void {
    const before = countLines(container);
    const kill = findRule(this.platform, what, parent, 'kills');
    if (kill) removeDeep(container, new RegExp(fillTemplate(kill.rule.kills as string, kill.groups, true)));
    this.applyResets(container, parent, what);
    const kept = container.filter((n) => !startsWithWords(n.text, what));
    container.splice(0, container.length, ...kept);
    // Nothing to remove: the `no` form is itself configuration (e.g. `no ip domain lookup`).
    if (countLines(container) === before && !container.some((n) => n.text === `no ${what}`)) {
      container.push({ text: `no ${what}`, line: 0, children: [] });
    }
  }

  private set(container: ConfigNode[], parent: string | undefined, command: PlanCommand): void {
    const existing = container.find((n) => n.text === command.text);
    if (existing) {
      if (command.body !== undefined) existing.body = command.body;
      return;
    }
    this.applyResets(container, parent, command.text);
    // `X` after a displayed `no X` restores the default, which IOS does not display.
    const negative = container.findIndex((n) => n.text === `no ${command.text}`);
    if (negative >= 0) {
      container.splice(negative, 1);
      return;
    }
    const slot = slotOf(this.platform, command.text, parent);
    const node: ConfigNode = { text: command.text, line: 0, children: [] };
    if (command.body !== undefined) node.body = command.body;
    const index = container.findIndex((n) => n.children.length === 0 && slotOf(this.platform, n.text, parent).key === slot.key);
    if (index < 0) container.push(node);
    else if (slot.negateFirst) throw new PredictError(command, `"${container[index]?.text}" already uses this sequence number`);
    else container[index] = node;
  }

  private applyResets(container: ConfigNode[], parent: string | undefined, text: string): void {
    const found = findRule(this.platform, text.replace(/^no /, ''), parent, 'resets');
    if (!found) return;
    const re = found.rule.resets as RegExp;
    container.splice(0, container.length, ...container.filter((n) => !re.test(n.text)));
  }

  private applyToNumberedAcl(num: string, command: PlanCommand): void {
    const top = this.tree.children;
    const first = top.findIndex((n) => n.text.startsWith(`access-list ${num} `));
    const entries = top.filter((n) => n.text.startsWith(`access-list ${num} `));
    this.applyAclEntry(entries, command, (entry) => `access-list ${num} ${entry}`);
    const rest = top.filter((n) => !n.text.startsWith(`access-list ${num} `));
    rest.splice(first < 0 ? rest.length : first, 0, ...entries);
    this.tree.children = rest;
  }

  /** An entry command inside an ACL: `no 20`, `15 permit …`, `permit …`, `no permit …`. */
  private applyAclEntry(entries: ConfigNode[], command: PlanCommand, display: (entry: string) => string): void {
    if (entries.some((n) => !this.seqs.has(n))) entries.forEach((n, k) => this.seqs.set(n, this.seqs.get(n) ?? (k + 1) * 10));
    const seqOf = (n: ConfigNode): number => this.seqs.get(n) as number;
    const removeSeq = /^no (\d+)$/.exec(command.text);
    if (removeSeq) {
      const at = entries.findIndex((n) => seqOf(n) === Number(removeSeq[1]));
      if (at < 0) throw new PredictError(command, `no entry has sequence number ${removeSeq[1]}`);
      entries.splice(at, 1);
      return;
    }
    if (command.text.startsWith('no ')) {
      const at = entries.findIndex((n) => n.text === display(command.text.slice(3)));
      if (at >= 0) entries.splice(at, 1);
      return;
    }
    const numbered = /^(\d+) (.+)$/.exec(command.text);
    const seq = numbered ? Number(numbered[1]) : Math.max(0, ...entries.map(seqOf)) + 10;
    const node: ConfigNode = { text: display(numbered ? (numbered[2] as string) : command.text), line: 0, children: [] };
    if (entries.some((n) => seqOf(n) === seq)) throw new PredictError(command, `sequence number ${seq} is in use`);
    if (entries.some((n) => n.text === node.text)) throw new PredictError(command, 'the entry already exists');
    this.seqs.set(node, seq);
    const at = entries.findIndex((n) => seqOf(n) > seq);
    entries.splice(at < 0 ? entries.length : at, 0, node);
  }
}

function countLines(nodes: ConfigNode[]): number {
  return nodes.reduce((sum, n) => sum + 1 + countLines(n.children), 0);
}

function removeDeep(nodes: ConfigNode[], re: RegExp): void {
  nodes.splice(0, nodes.length, ...nodes.filter((n) => !re.test(n.text)));
  for (const node of nodes) removeDeep(node.children, re);
}
