// Risk: each command of a plan is classified by a table of rules (platform data); the plan's
// level is the highest found. Commands no rule flags are low-risk `general` changes.

import type { CommandKind, PlanCommand, RiskCategory, RiskItem, RiskLevel, RiskSummary } from './types.js';

export interface RiskRule {
  category: RiskCategory;
  level: RiskLevel;
  /** Why it is risky, for the engineer reading the plan. */
  reason: string;
  /** Tested on the command text (`no …` for a removal). No `g` or `y` flag: `test` would keep state. */
  match: RegExp;
  /** Tested on the section path joined with ' > ' (the empty string at the top level). */
  path?: RegExp;
  /** The kinds of command the rule applies to (default: all). */
  kinds?: CommandKind[];
}

const RANK: Record<RiskLevel | 'none', number> = { none: 0, low: 1, medium: 2, high: 3 };

/** Beyond this many unremarkable changes, they are summed up in one item. */
export const MAX_GENERAL_ITEMS = 10;
const GENERAL_REASON = 'not in any risk category';

/** The command as people read it: its section path, then the command. */
export function humanCommand(command: Pick<PlanCommand, 'path' | 'text'>): string {
  return [...command.path, command.text].join(' > ');
}

/**
 * Classifies every command with every rule. The first matching rule of a category gives that
 * category's item, so a command can be in several categories; identical items are kept once.
 * Items are ordered by level, highest first, then by plan order.
 */
export function assessRisk(commands: PlanCommand[], rules: RiskRule[]): RiskSummary {
  const items: RiskItem[] = [];
  const general: RiskItem[] = [];
  const seen = new Set<string>();
  const add = (list: RiskItem[], item: RiskItem): void => {
    const key = JSON.stringify([item.level, item.category, item.command, item.reason]);
    if (seen.has(key)) return;
    seen.add(key);
    list.push(item);
  };
  for (const command of commands) {
    const path = command.path.join(' > ');
    const human = humanCommand(command);
    const categories = new Set<RiskCategory>();
    for (const rule of rules) {
      if (categories.has(rule.category)) continue;
      if (rule.kinds !== undefined && !rule.kinds.includes(command.kind)) continue;
      if (rule.path !== undefined && !rule.path.test(path)) continue;
      if (!rule.match.test(command.text)) continue;
      categories.add(rule.category);
      add(items, { level: rule.level, category: rule.category, command: human, path: command.path, reason: rule.reason });
    }
    if (categories.size === 0) add(general, { level: 'low', category: 'general', command: human, path: command.path, reason: GENERAL_REASON });
  }
  if (general.length > MAX_GENERAL_ITEMS) {
    items.push({ level: 'low', category: 'general', command: `${general.length} other changes`, path: [], reason: GENERAL_REASON });
  } else {
    items.push(...general);
  }
  items.sort((a, b) => RANK[b.level] - RANK[a.level]);
  const level = items.reduce<RiskLevel | 'none'>((max, item) => (RANK[item.level] > RANK[max] ? item.level : max), 'none');
  return { level, items };
}
