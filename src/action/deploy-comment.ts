// The comment the deploy on merge leaves on the merged pull request: how the deployment ended,
// and per device what was sent, which checks passed, the backups taken and the error. Redacted,
// and kept under GitHub's size limit by leaving out the longest command lists first (never the
// table or the errors).

import { redact } from '../obs/redact.js';
import { summarize } from '../pipeline/deploy.js';
import { escapeInline } from '../pipeline/report/plan-markdown.js';
import type { DeploymentRecord, DeploymentStatus, DeviceResultRecord, DeviceStatus } from '../store/types.js';
import { COMMENT_LIMIT, fitToLimit, truncatedNote } from './comment.js';

export const DEPLOY_MARKER = '<!-- catnet:deploy -->';

export interface DeployCommentInput {
  deployment: DeploymentRecord;
  results: DeviceResultRecord[];
  headSha: string;
  runUrl?: string;
  /** Devices whose running config changed since the PR's plan: hashes before (the PR's) and after (the deploy's). */
  replanned?: { device: string; before: string; after: string }[];
}

const DEPLOYMENT_STATUS: Record<DeploymentStatus, string> = {
  pending: '⏳ pending',
  running: '⏳ running',
  succeeded: '✅ succeeded',
  failed: '❌ failed',
  rolled_back: '↩️ rolled back',
  partially_failed: '⚠️ partially failed',
  interrupted: '⏹️ interrupted',
};

const DEVICE_STATUS: Record<DeviceStatus, string> = {
  pending: '⏳ pending',
  running: '⏳ running',
  unchanged: '➖ unchanged',
  succeeded: '✅ succeeded',
  failed: '❌ failed',
  rolled_back: '↩️ rolled back',
  rollback_failed: '🛑 rollback failed',
  stale: '⚠️ stale',
  skipped: '⏭️ skipped',
  interrupted: '⏹️ interrupted',
  dry_run: '🧪 dry run',
};

export function renderDeployComment(input: DeployCommentInput, limit: number = COMMENT_LIMIT): string {
  const note = truncatedNote(input.runUrl);
  const render = (cut: ReadonlySet<string>): string => deployComment(input, (device, lines) => (cut.has(device) ? note(lines) : undefined));
  // The longest command lists go first; the saving is their text less the note.
  const steps = input.results
    .filter((r) => r.applied.length > 0)
    .map((r) => ({ key: r.device, saving: r.applied.join('\n').length - note(r.applied.length).length }))
    .sort((a, b) => b.saving - a.saving);
  return fitToLimit(render, steps, limit).text;
}

function deployComment(input: DeployCommentInput, shorten: (device: string, lines: number) => string | undefined): string {
  const { deployment, results } = input;
  const out = [
    DEPLOY_MARKER,
    `## CatNet deploy of \`${input.headSha.slice(0, 7)}\`: ${DEPLOYMENT_STATUS[deployment.status]}`,
    '',
    `${deployment.summary ?? summarize(results)} — deployment \`${deployment.id}\` by ${escapeInline(deployment.actor)}, from \`${deployment.source}\`.`,
  ];
  if (input.replanned && input.replanned.length > 0) {
    out.push('');
    for (const r of input.replanned) {
      out.push(`> ⚠️ **${escapeInline(r.device)}** changed since the PR's plan: re-planned before deploying (running config \`${r.before.slice(0, 12)}\` → \`${r.after.slice(0, 12)}\`).`);
    }
  }
  out.push('', '| device | status | commands sent | checks | backup before | backup after | error |', '|---|---|---|---|---|---|---|');
  for (const r of results) {
    out.push(`| ${escapeInline(r.device)} | ${DEVICE_STATUS[r.status]} | ${r.applied.length}/${r.commands.length} | ${checksCell(r)} | ${code(r.backupBefore)} | ${code(r.backupAfter)} | ${r.error ? cell(r.error) : ''} |`);
  }
  for (const r of results) out.push(...details(r, shorten));
  out.push('', '---', `<sub>${input.runUrl ? `Logs and transcripts: [the workflow run](${input.runUrl}). ` : ''}Started ${deployment.startedAt ?? deployment.createdAt}${deployment.finishedAt ? `, finished ${deployment.finishedAt}` : ''}.</sub>`);
  return `${redact(out.join('\n'))}\n`;
}

/** Per device, the checks (failed ones with what was seen) and the commands the device accepted. */
function details(r: DeviceResultRecord, shorten: (device: string, lines: number) => string | undefined): string[] {
  if (r.checks.length === 0 && r.applied.length === 0) return [];
  const out = ['', `<details><summary><b>${escapeInline(r.device)}</b>: ${r.applied.length} command${r.applied.length === 1 ? '' : 's'} sent, ${checksCell(r)}</summary>`, ''];
  if (r.checks.length > 0) {
    for (const c of r.checks) out.push(`- ${c.ok ? '✔️' : '❌'} ${escapeInline(c.name)}${c.ok ? '' : `: ${cell(c.detail)}`}`);
    out.push('');
  }
  if (r.applied.length > 0) {
    const shortened = shorten(r.device, r.applied.length);
    out.push(...(shortened === undefined ? ['Commands sent:', '', '```', ...r.applied, '```'] : [`Commands sent: ${shortened}`]), '');
  }
  out.push('</details>');
  return out;
}

function checksCell(r: DeviceResultRecord): string {
  if (r.checks.length === 0) return 'no checks';
  const failed = r.checks.filter((c) => !c.ok).length;
  return failed === 0 ? `${r.checks.length} passed` : `${r.checks.length - failed} passed, **${failed} failed**`;
}

function code(id: string | undefined): string {
  return id ? `\`${id}\`` : '—';
}

/** An error in a table cell: one line, no markup. */
function cell(text: string): string {
  return escapeInline(text.replace(/\s*\r?\n\s*/g, ' '));
}
