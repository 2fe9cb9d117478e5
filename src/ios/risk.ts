// Risk: each command of a plan is classified by table; the plan's level is the highest found.

import type { CommandKind, PlanCommand, RiskCategory, RiskItem, RiskLevel, RiskSummary } from './types.js';

export interface RiskRule {
  category: RiskCategory;
  level: RiskLevel;
  reason: string;
  /** Tested on the command text. */
  match: RegExp;
  /** Tested on the section path joined with ' > ' (empty at the top level). */
  path?: RegExp;
  kinds?: CommandKind[];
}

const LEVELS: Record<RiskLevel | 'none', number> = { none: 0, low: 1, medium: 2, high: 3 };
/** Beyond this many unremarkable changes, they are summed up in one item. */
const MAX_GENERAL_ITEMS = 10;

export function assessRisk(commands: PlanCommand[], rules: RiskRule[]): RiskSummary {
  const items: RiskItem[] = [];
  const general: RiskItem[] = [];
  const seen = new Set<string>();
  for (const command of commands) {
    const path = command.path.join(' > ');
    const human = [...command.path, command.text].join(' > ');
    const categories = new Set<RiskCategory>();
    for (const rule of rules) {
      if (categories.has(rule.category)) continue; // the first rule of a category speaks for it
      if (rule.kinds && !rule.kinds.includes(command.kind)) continue;
      if (rule.path && !rule.path.test(path)) continue;
      if (!rule.match.test(command.text)) continue;
      categories.add(rule.category);
      const item: RiskItem = { level: rule.level, category: rule.category, command: human, path: command.path, reason: rule.reason };
      const key = `${item.level}|${item.category}|${item.command}|${item.reason}`;
      if (!seen.has(key)) {
        seen.add(key);
        items.push(item);
      }
    }
    if (categories.size === 0) {
      general.push({ level: 'low', category: 'general', command: human, path: command.path, reason: command.reason });
    }
  }
  if (general.length > MAX_GENERAL_ITEMS) {
    items.push({ level: 'low', category: 'general', command: `${general.length} other changes`, path: [], reason: 'descriptions, logging, NTP and similar: no service impact expected' });
  } else {
    items.push(...general);
  }
  items.sort((a, b) => LEVELS[b.level] - LEVELS[a.level]);
  const level = items.reduce<RiskLevel | 'none'>((max, item) => (LEVELS[item.level] > LEVELS[max] ? item.level : max), 'none');
  return { level, items };
}
