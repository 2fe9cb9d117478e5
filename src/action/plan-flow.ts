// Pull request: the devices the PR affects are planned against their running configs, and the
// plan goes to one sticky comment (updated on each push), the job summary (in full) and the
// step outputs. Bad intended configs are annotated at their file and line.

import * as core from '@actions/core';
import { closePipeline } from '../pipeline/context.js';
import { planMarkdown } from '../pipeline/report/plan-markdown.js';
import { affectedSummary } from './affected.js';
import { devicesAffectedBy } from './change.js';
import { PLAN_MARKER, renderPlanComment } from './comment.js';
import { pullRequestFiles } from './github.js';
import { setOutputs, writeSummary } from './report.js';
import { narrowed, openRunPipeline, planForRun, type ActionRun } from './run.js';
import { upsertComment } from './sticky-comment.js';

export async function runPlanFlow(run: ActionRun): Promise<void> {
  const { env, gh } = run;
  const pr = env.pullRequest;
  if (!pr) throw new Error(`the plan command needs a pull_request event payload (this run's event: ${env.eventName || 'none'}, with no pull request in it): use command deploy, backup or rollback otherwise`);
  const repo = { owner: env.owner, repo: env.repo };
  const files = await pullRequestFiles(gh, repo, pr.number);
  const affected = await devicesAffectedBy(gh, repo, run.project, env.workspace, { files, baseSha: pr.baseSha }, process.env);
  core.info(`affected: ${affectedSummary(affected)}`);
  const devices = narrowed(run, affected.devices);
  const ctx = openRunPipeline(run, `action:pr-${pr.number}`);
  try {
    const { plan, planFile, changed } = await planForRun(run, ctx, devices);
    const errors = plan.devices.filter((d) => d.status === 'error').length;
    const { body, truncatedDevices } = renderPlanComment({ plan, affected, headSha: pr.headSha, ...(env.runUrl ? { runUrl: env.runUrl } : {}) });
    if (truncatedDevices.length > 0) core.warning(`the PR comment shortens ${truncatedDevices.join(', ')}: the full plan is in the job summary`);
    if (run.inputs.comment) {
      const comment = await upsertComment(gh, { ...repo, issueNumber: pr.number }, PLAN_MARKER, body);
      core.info(`${comment.created ? 'posted' : 'updated'} the plan comment: ${comment.url}`);
    }
    await writeSummary(`# CatNet plan\n\n${devices.length === 0 ? 'No device is affected by this pull request.\n' : planMarkdown(plan)}`);
    setOutputs({ 'has-changes': String(changed.length > 0), 'devices-changed': changed.join(','), 'plan-json': planFile, status: errors > 0 ? 'error' : changed.length > 0 ? 'changes' : 'no-changes' });
    if (errors > 0) core.setFailed(`${errors} device${errors === 1 ? '' : 's'} could not be planned (see the annotations and the comment)`);
    else if (run.inputs.failOnChanges && changed.length > 0) core.setFailed(`changes planned for ${changed.join(', ')} (fail-on-changes is set)`);
  } finally {
    closePipeline(ctx);
  }
}
