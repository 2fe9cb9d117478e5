// A plan as Markdown, for pull-request comments, job summaries and `catnet plan --format
// markdown`: a summary table, then per device a collapsible section with the exact commands,
// the diff and the risk items. Redacted: it is meant to be posted where many people read.

import { renderHumanCommands } from '../../ios/index.js';
import { redact } from '../../obs/redact.js';
import type { DevicePlan, PlanFile } from '../plan-file.js';

export function planMarkdown(plan: PlanFile): string {
  const out = ['| device | change | risk | status |', '|---|---|---|---|'];
  for (const d of plan.devices) out.push(`| ${d.device} | ${changeCell(d)} | ${d.status === 'error' ? '—' : riskCell(d)} | ${statusCell(d)} |`);
  out.push('', `Source: \`${plan.source}\`${plan.commit ? ` at \`${plan.commit.slice(0, 12)}\`` : ''}`);
  for (const d of plan.devices) {
    if (d.status === 'error') {
      out.push('', `**${d.device}**: cannot plan: ${escapeInline(d.error ?? 'unknown error')}`);
      continue;
    }
    if (!d.changes) continue;
    out.push('', `<details><summary><b>${d.device}</b>: ${d.lines.length} line${d.lines.length === 1 ? '' : 's'} to send, risk ${d.risk.level}</summary>`, '');
    if (d.risk.items.length > 0) {
      out.push('Risk:', '');
      for (const item of d.risk.items) out.push(`- **${item.level}** ${item.category}: \`${item.command}\` — ${item.reason}`);
      out.push('');
    }
    out.push('Commands, in order:', '', '```', ...renderHumanCommands(d.commands), '```', '', 'Diff:', '', '```diff', d.diff.trimEnd(), '```', '', '</details>');
  }
  return redact(`${out.join('\n')}\n`);
}

function changeCell(d: DevicePlan): string {
  if (d.status === 'error' || !d.changes) return '—';
  return `+${d.stats.add} −${d.stats.remove} ~${d.stats.replace}`;
}

function riskCell(d: DevicePlan): string {
  return d.risk.level === 'high' ? '**high**' : d.risk.level;
}

function statusCell(d: DevicePlan): string {
  if (d.status === 'error') return 'error';
  return d.changes ? 'changes' : 'no changes';
}

function escapeInline(text: string): string {
  return text.replace(/[|`*_<>]/g, (c) => `\\${c}`);
}
