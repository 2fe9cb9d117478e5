// A plan as Markdown, for pull-request comments, job summaries and `catnet plan --format
// markdown`: a summary table, then per device a collapsible section with the exact commands,
// the diff and the risk items. Redacted: it is meant to be posted where many people read.

import { renderHumanCommands } from '../../ios/index.js';
import { redact } from '../../obs/redact.js';
import type { DevicePlan, PlanFile } from '../plan-file.js';

export interface PlanMarkdownOptions {
  /**
   * A note to print in the place of a device's diff or command list (`lines`: how many lines it
   * has), or undefined to print it: a PR comment must fit GitHub's size limit.
   */
  shorten?: (device: string, part: 'diff' | 'commands', lines: number) => string | undefined;
  /** A warning sign before high risks (PR comments, where they should catch the eye). */
  warnHigh?: boolean;
}

export function planMarkdown(plan: PlanFile, options: PlanMarkdownOptions = {}): string {
  const out = ['| device | change | risk | status |', '|---|---|---|---|'];
  for (const d of plan.devices) out.push(`| ${d.device} | ${changeCell(d)} | ${d.status === 'error' ? '—' : riskCell(d, options)} | ${statusCell(d)} |`);
  out.push('', `Source: \`${plan.source}\`${plan.commit ? ` at \`${plan.commit.slice(0, 12)}\`` : ''}`);
  for (const d of plan.devices) {
    if (d.status === 'error') {
      out.push('', `**${d.device}**: cannot plan: ${escapeInline(d.error ?? 'unknown error')}`);
      continue;
    }
    if (!d.changes) continue;
    const level = options.warnHigh && d.risk.level === 'high' ? '⚠️ high' : d.risk.level;
    out.push('', `<details><summary><b>${d.device}</b>: ${d.lines.length} line${d.lines.length === 1 ? '' : 's'} to send, risk ${level}</summary>`, '');
    if (d.risk.items.length > 0) {
      out.push('Risk:', '');
      for (const item of d.risk.items) out.push(`- ${options.warnHigh && item.level === 'high' ? '⚠️ ' : ''}**${item.level}** ${item.category}: \`${item.command}\` — ${item.reason}`);
      out.push('');
    }
    const commands = renderHumanCommands(d.commands);
    const diff = d.diff.trimEnd().split('\n');
    const commandsNote = options.shorten?.(d.device, 'commands', commands.length);
    const diffNote = options.shorten?.(d.device, 'diff', diff.length);
    out.push(...(commandsNote === undefined ? ['Commands, in order:', '', '```', ...commands, '```'] : [`Commands, in order: ${commandsNote}`]), '');
    out.push(...(diffNote === undefined ? ['Diff:', '', '```diff', ...diff, '```'] : [`Diff: ${diffNote}`]), '', '</details>');
  }
  return redact(`${out.join('\n')}\n`);
}

function changeCell(d: DevicePlan): string {
  if (d.status === 'error' || !d.changes) return '—';
  return `+${d.stats.add} −${d.stats.remove} ~${d.stats.replace}`;
}

function riskCell(d: DevicePlan, options: PlanMarkdownOptions): string {
  if (d.risk.level !== 'high') return d.risk.level;
  return options.warnHigh ? '⚠️ **high**' : '**high**';
}

function statusCell(d: DevicePlan): string {
  if (d.status === 'error') return 'error';
  return d.changes ? 'changes' : 'no changes';
}

/** Text without Markdown or HTML markup, for a line or a table cell. */
export function escapeInline(text: string): string {
  return text.replace(/[|`*_<>]/g, (c) => `\\${c}`);
}
