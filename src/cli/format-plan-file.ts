// A fleet plan for the terminal: per device the diff and the exact commands (as `catnet diff`
// shows one device), errors per device, and a closing summary line. Redacted.

import { redact } from '../obs/redact.js';
import type { PlanFile } from '../pipeline/plan-file.js';
import { formatPlanText } from './format-plan.js';

export function formatPlanFileText(plan: PlanFile, options: { color: boolean }): string {
  const out: string[] = [];
  const bold = (text: string): string => (options.color ? `\x1b[1m${text}\x1b[0m` : text);
  for (const d of plan.devices) {
    const where = d.intended ? ` (${d.intended.location})` : '';
    if (d.status === 'error') {
      out.push(`${bold(`== ${d.device}`)}: cannot plan: ${d.error ?? 'unknown error'}`, '');
      continue;
    }
    out.push(bold(`== ${d.device}${where}: ${d.changes ? `${d.commands.length} command${d.commands.length === 1 ? '' : 's'}, risk ${d.risk.level}` : 'no changes'}`));
    if (d.changes) out.push(formatPlanText({ commands: d.commands, diff: d.diff, risk: d.risk, stats: d.stats }, options).trimEnd());
    out.push('');
  }
  out.push(planSummary(plan));
  return redact(`${out.join('\n')}\n`);
}

/** `Plan: 3 devices, 1 to change, 1 unchanged, 1 could not be planned.` */
export function planSummary(plan: PlanFile): string {
  const changed = plan.devices.filter((d) => d.status === 'planned' && d.changes).length;
  const unchanged = plan.devices.filter((d) => d.status === 'planned' && !d.changes).length;
  const errors = plan.devices.filter((d) => d.status === 'error').length;
  const parts = [`${changed} to change`, `${unchanged} unchanged`, ...(errors > 0 ? [`${errors} could not be planned`] : [])];
  return `Plan: ${plan.devices.length} device${plan.devices.length === 1 ? '' : 's'}, ${parts.join(', ')}.`;
}
