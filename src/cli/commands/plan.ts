// `catnet plan`: a fresh backup and the plan of every target device, shown as text (diff and
// exact commands per device), JSON or Markdown, and optionally written to a plan file for
// `catnet deploy --plan`.

import { planDevices } from '../../pipeline/plan.js';
import { planMarkdown } from '../../pipeline/report/plan-markdown.js';
import { writePlanFile, type PlanFile } from '../../pipeline/plan-file.js';
import { selectDevices } from '../../pipeline/targets.js';
import { redactForOutput } from '../../obs/redact-value.js';
import { ExitCode, type ExitCodeValue } from '../exit-codes.js';
import { formatPlanFileText } from '../format-plan-file.js';
import { withPipeline, type RunOptions } from './pipeline-run.js';

export interface PlanCliOptions {
  device: string[];
  group: string[];
  out?: string;
  format: 'text' | 'json' | 'markdown';
}

export async function runPlan(run: RunOptions, options: PlanCliOptions, print: (text: string) => void, color: boolean): Promise<ExitCodeValue> {
  const plan = await withPipeline({ ...run, quiet: run.quiet ?? options.format !== 'text' }, async (ctx) => {
    const devices = selectDevices(ctx.project.inventory, { devices: options.device, groups: options.group });
    return planDevices(ctx, devices);
  });
  if (options.out !== undefined) await writePlanFile(options.out, plan);
  print(renderPlan(plan, options.format, color));
  if (options.out !== undefined) process.stderr.write(`catnet: plan written to ${options.out} (it holds the commands as they will be sent: keep it private)\n`);
  return planExitCode(plan);
}

export function renderPlan(plan: PlanFile, format: PlanCliOptions['format'], color: boolean): string {
  if (format === 'json') return `${JSON.stringify(redactForOutput(plan), null, 2)}\n`;
  if (format === 'markdown') return planMarkdown(plan);
  return formatPlanFileText(plan, { color });
}

/** 1 when a device could not be planned, else 3 when something changes, else 0. */
export function planExitCode(plan: PlanFile): ExitCodeValue {
  if (plan.devices.some((d) => d.status === 'error')) return ExitCode.error;
  return plan.devices.some((d) => d.changes) ? ExitCode.changes : ExitCode.ok;
}
