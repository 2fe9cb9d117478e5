// The shape of a platform's rule table, and the lookups the engine makes on it.
// Rules are data: another platform is another table (see platforms/cisco-ios.ts).

import type { RiskRule } from './risk.js';

/**
 * One rule about a kind of configuration line. `match` is tested on the normalised line
 * (for slots, with a leading `no ` removed). Templates use `$1`…`$9` for capture groups.
 */
export interface CommandRule {
  /** The section the line must be directly under: a regex on its header, or 'top' for global lines. */
  scope?: RegExp | 'top';
  match: RegExp;
  /** Lines under one parent with the same slot set the same thing: the new one replaces the old in place. */
  slot?: string;
  /** For a slot: IOS refuses the new line while the old one exists, so the old one is removed first. */
  negateFirst?: boolean;
  /** The command that removes this line (default: `no <line>`, or `X` for a line `no X`). */
  negate?: string;
  /** Removing this line also removes the lines matching this regex template (here and below). */
  kills?: string;
  /** Any change of this line makes IOS delete the sibling lines matching this regex (they are re-sent). */
  resets?: RegExp;
  /**
   * Lines of one group (e.g. the entries of one route-map) removed all at once by `groupNegate`.
   * The group key must be the text every member starts with (`route-map NAME`).
   */
  group?: string;
  groupNegate?: string;
  /** Order of commands: lower first. Defaults: top level add 500 / remove 600; in sections add 200 / remove 100. */
  addWeight?: number;
  removeWeight?: number;
  groupRemoveWeight?: number;
}

export interface Platform {
  name: string;
  /** Top-level lines that are output of the device, not configuration. */
  volatileLines: RegExp[];
  /** Lines dropped because the device never displays them (they are the default). */
  hiddenDefaults: Array<{ scope: RegExp; match: RegExp }>;
  /** Lines a physical interface shows when it is otherwise unconfigured. */
  physicalInterfaceDefaults: RegExp[];
  commandRules: CommandRule[];
  /** Section headers whose children are an ordered list (ACLs). */
  orderedSections: RegExp[];
  riskRules: RiskRule[];
  /** The command that leaves a section. */
  sectionExit(header: string): string;
}

export const DEFAULT_WEIGHTS = { topAdd: 500, topRemove: 600, childAdd: 200, childRemove: 100 } as const;

function scopeMatches(scope: CommandRule['scope'], parent: string | undefined): boolean {
  if (scope === undefined) return true;
  if (scope === 'top') return parent === undefined;
  return parent !== undefined && scope.test(parent);
}

/** A matched rule with its capture groups, so templates can be filled. */
export interface RuleMatch {
  rule: CommandRule;
  groups: RegExpMatchArray;
}

/** The first rule that applies to `text` under `parent` and defines `attribute`. */
export function findRule(
  platform: Platform,
  text: string,
  parent: string | undefined,
  attribute: keyof CommandRule,
): RuleMatch | undefined {
  for (const rule of platform.commandRules) {
    if (rule[attribute] === undefined || !scopeMatches(rule.scope, parent)) continue;
    const groups = rule.match.exec(text);
    if (groups) return { rule, groups };
  }
  return undefined;
}

/** Fills `$1`…`$9` (and `$0`) in a template from the capture groups. */
export function fillTemplate(template: string, groups: RegExpMatchArray, escape = false): string {
  return template.replace(/\$(\d)/g, (_, n: string) => {
    const value = groups[Number(n)] ?? '';
    return escape ? value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : value;
  });
}

function stripNo(text: string): string {
  return text.startsWith('no ') ? text.slice(3) : text;
}

/**
 * The slot of a line: lines with equal slots under one parent replace each other. Every line
 * shares a slot with its own `no` form; table rules widen slots (e.g. `description …`).
 */
export function slotOf(platform: Platform, text: string, parent: string | undefined): { key: string; negateFirst: boolean } {
  const positive = stripNo(text);
  const found = findRule(platform, positive, parent, 'slot');
  if (!found) return { key: positive, negateFirst: false };
  return { key: fillTemplate(found.rule.slot as string, found.groups), negateFirst: found.rule.negateFirst === true };
}

/** The command that removes `text` under `parent`. */
export function negationOf(platform: Platform, text: string, parent: string | undefined): string {
  const found = findRule(platform, text, parent, 'negate');
  if (found) return fillTemplate(found.rule.negate as string, found.groups);
  return text.startsWith('no ') ? text.slice(3) : `no ${text}`;
}

export function isOrderedSection(platform: Platform, header: string | undefined): boolean {
  return header !== undefined && platform.orderedSections.some((re) => re.test(header));
}
