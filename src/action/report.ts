// What a run leaves on GitHub besides comments: step outputs, the job summary (the full plan,
// never truncated) and annotations at the file and line of bad input.

import * as core from '@actions/core';
import { ConfigFileError } from '../config/config-file-error.js';
import type { PlanFile } from '../pipeline/plan-file.js';

export function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

export async function writeSummary(markdown: string): Promise<void> {
  // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it.
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

/** One annotation per device whose intended config is at fault, at its file and line. */
export function annotatePlan(plan: PlanFile): void {
  for (const d of plan.devices) {
    if (d.status !== 'error') continue;
    if (d.errorAt) core.error(`${d.device}: ${d.error ?? 'cannot plan'}`, { title: 'CatNet: bad intended config', file: d.errorAt.location, ...(d.errorAt.line ? { startLine: d.errorAt.line } : {}) });
    else core.warning(`${d.device}: cannot plan: ${d.error ?? 'unknown error'}`, { title: 'CatNet: device not planned' });
  }
}

/** An inventory or credentials file that does not load: one annotation per problem, at its line. */
export function annotateLoadError(error: unknown, workspaceRelative: (file: string) => string): boolean {
  if (!(error instanceof ConfigFileError)) return false;
  for (const p of error.problems) core.error(`${p.field === '' ? '' : `${p.field}: `}${p.message}`, { title: 'CatNet: bad input', file: workspaceRelative(error.file), ...(p.line === undefined ? {} : { startLine: p.line }) });
  return true;
}
