// The pull-request plan comment: what merging would send to each device, posted once and kept
// up to date (sticky-comment.ts finds it again by its marker). It carries, hidden, the hash of
// each running config the plan was computed against, so that the deploy on merge can tell
// which devices changed since the PR was reviewed. Everything in it is redacted.

import { z } from 'zod';
import { redact } from '../obs/redact.js';
import type { PlanFile } from '../pipeline/plan-file.js';
import { escapeInline, planMarkdown } from '../pipeline/report/plan-markdown.js';

export const PLAN_MARKER = '<!-- catnet:plan -->';
/** GitHub refuses comment bodies over 65,536 characters; stay below with room for the marker and notes. */
export const COMMENT_LIMIT = 65_000;

export interface PlanCommentInput {
  plan: PlanFile;
  /** Which devices the PR's changes affect, and why (file changed, group file changed…). */
  affected: { all: boolean; devices: string[]; reasons: Record<string, string[]> };
  headSha: string;
  /** Link to the workflow run (the full plan is in its job summary). */
  runUrl?: string;
}

type Part = 'diff' | 'commands';
const RISK_ORDER = ['none', 'low', 'medium', 'high'] as const;
const HASHES = /<!-- catnet:running-hashes (\{.*?\}) -->/;
const hashesSchema = z.record(z.string(), z.string());

export function renderPlanComment(input: PlanCommentInput, limit: number = COMMENT_LIMIT): { body: string; truncatedDevices: string[] } {
  const note = truncatedNote(input.runUrl);
  const render = (cut: ReadonlySet<string>): string => planComment(input, (device, part, lines) => (cut.has(key(device, part)) ? note(lines) : undefined));
  // Each device's share of the body, measured by rendering it alone: the largest is shortened first.
  const steps = input.plan.devices
    .filter((d) => d.status === 'planned' && d.changes)
    .map((d) => {
      const alone = (cut: Part[]): number => planMarkdown({ ...input.plan, devices: [d] }, { warnHigh: true, shorten: (_, part, lines) => (cut.includes(part) ? note(lines) : undefined) }).length;
      const [full, noDiff, neither] = [alone([]), alone(['diff']), alone(['diff', 'commands'])];
      return { device: d.device, full, diff: full - noDiff, commands: noDiff - neither };
    })
    .sort((a, b) => b.full - a.full)
    .flatMap((d) => [
      { key: key(d.device, 'diff'), saving: d.diff },
      { key: key(d.device, 'commands'), saving: d.commands },
    ]);
  const { text, cut } = fitToLimit(render, steps, limit);
  const truncatedDevices = [...new Set(cut.map((k) => k.slice(0, k.lastIndexOf('\0'))))];
  return { body: text, truncatedDevices };
}

/** The running-config hashes a plan comment was made against, or undefined when it has none (or they were tampered into something else). */
export function parseRunningHashes(body: string): Record<string, string> | undefined {
  const match = HASHES.exec(body);
  if (!match) return undefined;
  try {
    const parsed = hashesSchema.safeParse(JSON.parse(match[1] as string));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Shortens the parts named by `steps`, in order, until `render` fits `limit`. Each step's
 * `saving` is an estimate, used to jump several steps per render; a real render decides.
 * Returns the text and the keys of the parts shortened.
 */
export function fitToLimit(render: (cut: ReadonlySet<string>) => string, steps: readonly { key: string; saving: number }[], limit: number): { text: string; cut: string[] } {
  const cut = new Set<string>();
  let text = render(cut);
  let i = 0;
  while (text.length > limit && i < steps.length) {
    let estimate = text.length;
    do {
      const step = steps[i++] as { key: string; saving: number };
      cut.add(step.key);
      estimate -= step.saving;
    } while (estimate > limit && i < steps.length);
    text = render(cut);
  }
  return { text, cut: [...cut] };
}

/** The note in the place of a part left out: where to read it whole. */
export function truncatedNote(runUrl: string | undefined): (lines: number) => string {
  const where = runUrl ? `[the workflow run](${runUrl})` : 'the workflow run';
  return (lines) => `_truncated: ${lines} line${lines === 1 ? '' : 's'}, see the job summary of ${where}_`;
}

function key(device: string, part: Part): string {
  return `${device}\0${part}`;
}

function planComment(input: PlanCommentInput, shorten: (device: string, part: Part, lines: number) => string | undefined): string {
  const { plan } = input;
  const out = [PLAN_MARKER, `## CatNet plan for \`${input.headSha.slice(0, 7)}\``, '', summaryLine(plan), '', planMarkdown(plan, { shorten, warnHigh: true }).trimEnd(), ''];
  out.push(...affectedSection(input.affected), '');
  out.push(hashesBlock(plan), '', '---', footer(input));
  return `${redact(out.join('\n'))}\n`;
}

function summaryLine(plan: PlanFile): string {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const planned = plan.devices.filter((d) => d.status === 'planned');
  const changed = planned.filter((d) => d.changes).length;
  const errors = plan.devices.length - planned.length;
  const highest = planned.reduce<(typeof RISK_ORDER)[number]>((top, d) => (RISK_ORDER.indexOf(d.risk.level) > RISK_ORDER.indexOf(top) ? d.risk.level : top), 'none');
  const risk = highest === 'high' ? '⚠️ **high**' : highest;
  return `**${count(plan.devices.length, 'device')}**: ${changed} with changes, ${count(errors, 'error')}, highest risk ${risk}.`;
}

function affectedSection(affected: PlanCommentInput['affected']): string[] {
  if (!affected.all && affected.devices.length === 0) return ['No device is affected by the changes of this pull request.'];
  const title = affected.all ? `all devices (${affected.devices.length})` : `${affected.devices.length} device${affected.devices.length === 1 ? '' : 's'}`;
  const out = [`<details><summary>Affected: ${title}, and why</summary>`, ''];
  // What makes it "all devices" is said once, not once per device of a large fleet.
  const lists = affected.devices.map((device) => affected.reasons[device] ?? []);
  const shared = affected.all ? (lists[0] ?? []).filter((reason) => lists.every((list) => list.includes(reason))) : [];
  if (shared.length > 0) out.push(`- every device: ${escapeInline(shared.join('; '))}`);
  affected.devices.forEach((device, i) => {
    const own = (lists[i] as string[]).filter((reason) => !shared.includes(reason));
    if (own.length > 0 || shared.length === 0) out.push(`- **${escapeInline(device)}**: ${escapeInline(own.length > 0 ? own.join('; ') : 'selected')}`);
  });
  // Reasons not tied to one device (a change that affects them all).
  for (const [what, reasons] of Object.entries(affected.reasons)) {
    if (!affected.devices.includes(what)) out.push(`- ${escapeInline(what)}: ${escapeInline(reasons.join('; '))}`);
  }
  out.push('', '</details>');
  return out;
}

/** Machine-readable, in an HTML comment; `<` and `>` escaped so that no device name can end it. */
function hashesBlock(plan: PlanFile): string {
  const hashes: Record<string, string> = {};
  for (const d of plan.devices) if (d.runningSha256 !== undefined) hashes[d.device] = d.runningSha256;
  const json = JSON.stringify(hashes).replace(/[<>]/g, (c) => (c === '<' ? '\\u003c' : '\\u003e'));
  return `<!-- catnet:running-hashes ${json} -->`;
}

function footer(input: PlanCommentInput): string {
  const run = input.runUrl ? `Full plan in the job summary of [the workflow run](${input.runUrl}). ` : '';
  return `<sub>${run}Planned ${input.plan.createdAt} against each device's running config at that time; on merge, a device whose running config changed since is planned again before deploying.</sub>`;
}
