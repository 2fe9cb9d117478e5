// One Action run's shared pieces: the environment, inputs, GitHub client, the project and a
// pipeline context (its store in memory: the run's history lives in its comments and summary).

import type { Octokit } from '@octokit/rest';
import { join, relative, resolve, sep } from 'node:path';
import type { Project } from '../config/project.js';
import { createLogger } from '../obs/logger.js';
import { openPipeline, type PipelineContext } from '../pipeline/context.js';
import { planDevices } from '../pipeline/plan.js';
import { changedDevices, writePlanFile, type PlanFile } from '../pipeline/plan-file.js';
import { selectDevices } from '../pipeline/targets.js';
import type { Device } from '../config/inventory/index.js';
import { openStore } from '../store/store.js';
import type { ActionEnv } from './github-env.js';
import type { ActionInputs } from './inputs.js';
import { annotatePlan } from './report.js';

export interface ActionRun {
  env: ActionEnv;
  inputs: ActionInputs;
  gh: Octokit;
  project: Project;
  /** Absolute path of the inventory file. */
  configFile: string;
}

export function configPath(env: ActionEnv, inputs: ActionInputs): string {
  return resolve(env.workspace, inputs.config);
}

/** A path as GitHub shows it in the repository (for annotations). */
export function workspaceRelative(env: ActionEnv, file: string): string {
  return relative(env.workspace, file).split(sep).join('/');
}

export function openRunPipeline(run: ActionRun, actor: string): PipelineContext {
  // Log lines go to the job's log (stderr); the store is in memory (sql.js, see main.ts).
  const logger = createLogger({ pretty: true });
  return openPipeline(run.project, { actor, logger, store: openStore(':memory:') });
}

/** The affected devices, narrowed by the `devices`/`groups` inputs when given. */
export function narrowed(run: ActionRun, names: readonly string[]): Device[] {
  const wanted = new Set(names);
  const devices = run.project.inventory.devices.filter((d) => wanted.has(d.name));
  if (run.inputs.devices.length === 0 && run.inputs.groups.length === 0) return devices;
  const allowed = new Set(selectDevices(run.project.inventory, { devices: run.inputs.devices, groups: run.inputs.groups }).map((d) => d.name));
  return devices.filter((d) => allowed.has(d.name));
}

/** Plans the devices, keeps the plan as a file (the `plan-json` output) and annotates bad configs. */
export async function planForRun(run: ActionRun, ctx: PipelineContext, devices: readonly Device[]): Promise<{ plan: PlanFile; planFile: string; changed: string[] }> {
  const plan = await planDevices(ctx, devices);
  const planFile = join(run.env.tempDir, 'catnet-plan.json');
  await writePlanFile(planFile, plan);
  annotatePlan(plan);
  return { plan, planFile, changed: changedDevices(plan).map((d) => d.device) };
}
