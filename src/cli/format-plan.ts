// The plan as text for a terminal: diff, exact commands, risk summary.

import { renderHumanCommands, type ConfigPlan, type RiskItem } from '../ios/index.js';

const ANSI = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', cyan: '\x1b[36m', bold: '\x1b[1m', reset: '\x1b[0m' };

export function formatPlanText(plan: ConfigPlan, options: { color: boolean }): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${ANSI.reset}` : text);
  if (plan.commands.length === 0) return 'No changes: the running config matches the intended config.\n';
  const out: string[] = [];
  for (const line of plan.diff.trimEnd().split('\n')) {
    if (line.startsWith('+') && !line.startsWith('+++')) out.push(paint(ANSI.green, line));
    else if (line.startsWith('-') && !line.startsWith('---')) out.push(paint(ANSI.red, line));
    else if (line.startsWith('@@')) out.push(paint(ANSI.cyan, line));
    else out.push(line);
  }
  const { add, remove, replace } = plan.stats;
  out.push('', paint(ANSI.bold, `Commands (${plan.commands.length}: ${add} add, ${remove} remove, ${replace} replace):`));
  out.push(...renderHumanCommands(plan.commands).map((line) => `  ${line}`));
  out.push('', paint(ANSI.bold, `Risk: ${plan.risk.level.toUpperCase()}`));
  for (const item of plan.risk.items) out.push(`  ${formatRiskItem(item)}`);
  return `${out.join('\n')}\n`;
}

function formatRiskItem(item: RiskItem): string {
  return `${item.level.padEnd(6)} ${item.category.padEnd(15)} ${item.command} — ${item.reason}`;
}
