// The GitHub Action's entry (bundled into action/index.mjs): plan on pull_request, deploy on
// push, or the `command` input. The store is SQLite in memory on sql.js: the bundle runs on
// GitHub's Node with no node_modules, so no native addon (docs/decisions/0003).

import * as core from '@actions/core';
import { openProject } from '../config/project.js';
import { redact, registerSecret } from '../obs/redact.js';
import { useSqlJsDatabases } from '../store/sqljs-database.js';
import { runDeployFlow } from './deploy-flow.js';
import { readActionEnv } from './github-env.js';
import { githubClient } from './github.js';
import { readInputs } from './inputs.js';
import { runBackupFlow, runRollbackFlow } from './maintenance-flows.js';
import { runPlanFlow } from './plan-flow.js';
import { annotateLoadError } from './report.js';
import { configPath, workspaceRelative, type ActionRun } from './run.js';

async function main(): Promise<void> {
  await useSqlJsDatabases();
  const env = readActionEnv(process.env);
  const inputs = readInputs((name) => core.getInput(name), env.eventName);
  registerSecret(inputs.githubToken);
  const configFile = configPath(env, inputs);
  let project;
  try {
    project = await openProject({ configFile });
  } catch (error) {
    if (annotateLoadError(error, (file) => workspaceRelative(env, file))) return core.setFailed(`${workspaceRelative(env, configFile)} does not load: see the annotations`);
    throw error;
  }
  // The runner's checkout is thrown away after the job: committing backups there would only fail or be lost.
  project.inventory.settings.backups.git_commit = false;
  const run: ActionRun = { env, inputs, gh: githubClient(inputs.githubToken, env.apiUrl), project, configFile };
  const flows = { plan: runPlanFlow, deploy: runDeployFlow, backup: runBackupFlow, rollback: runRollbackFlow };
  await flows[inputs.command](run);
}

main().catch((error: unknown) => {
  core.setFailed(redact(error instanceof Error ? error.message : String(error)));
});
