// Push (a merged pull request): the devices the merged change affects are planned afresh and
// deployed with the pipeline's guards (lease, stale check, verify, rollback per settings). A
// device whose running config changed since the PR's plan is said so in the outcome comment,
// which goes to the merged PR. The run fails when any device did not succeed.

import * as core from '@actions/core';
import { closePipeline } from '../pipeline/context.js';
import { deployPlan } from '../pipeline/deploy.js';
import { deployOptionsFrom } from '../pipeline/deploy-options.js';
import type { PlanFile } from '../pipeline/plan-file.js';
import { commitRunBackups } from './backup-branch.js';
import { affectedSummary, type AffectedDevices } from './affected.js';
import { devicesAffectedBy } from './change.js';
import { parseRunningHashes, PLAN_MARKER } from './comment.js';
import { DEPLOY_MARKER, renderDeployComment } from './deploy-comment.js';
import { filesBetween, mergedPullRequest, type Repo } from './github.js';
import { setOutputs, writeSummary } from './report.js';
import { narrowed, openRunPipeline, planForRun, type ActionRun } from './run.js';
import { findMarkedComment, upsertComment } from './sticky-comment.js';

export async function runDeployFlow(run: ActionRun): Promise<void> {
  const { env, gh, inputs } = run;
  const repo = { owner: env.owner, repo: env.repo };
  const after = typeof env.event.after === 'string' ? env.event.after : env.sha;
  const affected = await affectedByPush(run, repo, after);
  core.info(`affected: ${affectedSummary(affected)}`);
  const devices = narrowed(run, affected.devices);
  const prNumber = after ? await mergedPullRequest(gh, repo, after) : undefined;
  const ctx = openRunPipeline(run, `action:${prNumber ? `pr-${prNumber}` : after.slice(0, 12)}`);
  try {
    const { plan, planFile, changed } = await planForRun(run, ctx, devices);
    if (changed.length === 0 && plan.devices.every((d) => d.status !== 'error')) {
      await writeSummary(`# CatNet deploy\n\nNothing to deploy: ${devices.length === 0 ? 'no device is affected by this change' : 'every affected device already runs its intended config'}.\n`);
      setOutputs({ 'has-changes': 'false', 'devices-changed': '', 'plan-json': planFile, 'deployment-id': '', status: 'no-changes' });
      await commitRunBackups(run, plan.devices.map((d) => d.backupId), 'plan');
      return;
    }
    const replanned = prNumber ? await changedSincePrPlan(run, repo, prNumber, plan) : [];
    for (const r of replanned) core.warning(`${r.device} changed since the pull request's plan: re-planned before deploying`);
    const { deployment, results } = await deployPlan(ctx, plan, deployOptionsFrom(run.project.inventory.settings, { maxFailures: inputs.maxFailures, canary: inputs.canary, ...(inputs.confirmTimer ? { confirmTimerMin: inputs.confirmTimer } : {}) }));
    const body = renderDeployComment({ deployment, results, headSha: after, replanned, ...(env.runUrl ? { runUrl: env.runUrl } : {}) });
    if (inputs.comment && prNumber) {
      const comment = await upsertComment(gh, { ...repo, issueNumber: prNumber }, DEPLOY_MARKER, body);
      core.info(`${comment.created ? 'posted' : 'updated'} the deployment comment: ${comment.url}`);
    }
    await writeSummary(body);
    setOutputs({ 'has-changes': 'true', 'devices-changed': changed.join(','), 'plan-json': planFile, 'deployment-id': deployment.id, status: deployment.status });
    await commitRunBackups(run, [...plan.devices.map((d) => d.backupId), ...results.flatMap((r) => [r.backupBefore, r.backupAfter])], deployment.id);
    if (deployment.status !== 'succeeded') core.setFailed(`deployment ${deployment.id} ${deployment.status}: ${deployment.summary ?? ''}`);
  } finally {
    closePipeline(ctx);
  }
}

/** The devices the pushed commits affect; every device when the push has no previous commit (a new branch, a manual run). */
async function affectedByPush(run: ActionRun, repo: Repo, after: string): Promise<AffectedDevices> {
  const before = typeof run.env.event.before === 'string' ? run.env.event.before : '';
  if (before === '' || /^0+$/.test(before)) {
    const devices = run.project.inventory.devices.map((d) => d.name);
    return { all: true, devices, reasons: Object.fromEntries(devices.map((d) => [d, ['no previous commit to compare with: every device']])) };
  }
  const files = await filesBetween(run.gh, repo, before, after);
  return devicesAffectedBy(run.gh, repo, run.project, run.env.workspace, { files, baseSha: before }, process.env);
}

/** Devices whose running config is not the one the PR's plan comment recorded. */
async function changedSincePrPlan(run: ActionRun, repo: Repo, prNumber: number, plan: PlanFile): Promise<{ device: string; before: string; after: string }[]> {
  const comment = await findMarkedComment(run.gh, { ...repo, issueNumber: prNumber }, PLAN_MARKER);
  const recorded = comment ? parseRunningHashes(comment.body) : undefined;
  if (!recorded) return [];
  return plan.devices.flatMap((d) => {
    const before = recorded[d.device];
    return before && d.runningSha256 && before !== d.runningSha256 ? [{ device: d.device, before, after: d.runningSha256 }] : [];
  });
}
