// `catnet diff <running> <intended>`: the offline plan of one device, from two files.

import { parseIgnoreRule, planConfig, renderDeviceCommands, type ConfigPlan } from '../../ios/index.js';
import { ExitCode, InputError, type ExitCodeValue } from '../exit-codes.js';
import { formatPlanText } from '../format-plan.js';
import { readConfigFile } from '../read-config-file.js';

export type DiffFormat = 'text' | 'commands' | 'json';

export interface DiffOptions {
  format: DiffFormat;
  ignore: string[];
  ignoreVersion?: boolean;
  color?: boolean;
}

export async function runDiff(
  runningPath: string,
  intendedPath: string,
  options: DiffOptions,
  write: (text: string) => void,
): Promise<ExitCodeValue> {
  const ignore = options.ignore.map((spec) => {
    try {
      return parseIgnoreRule(spec);
    } catch (error) {
      throw new InputError(`--ignore ${JSON.stringify(spec)}: ${(error as Error).message}`);
    }
  });
  const [running, intended] = await Promise.all([
    readConfigFile(runningPath, 'running'),
    readConfigFile(intendedPath, 'intended'),
  ]);
  const plan = planConfig(running, intended, {
    ignore,
    ignoreVersion: options.ignoreVersion ?? false,
    runningSource: runningPath,
    intendedSource: intendedPath,
  });
  write(render(plan, options, { running: runningPath, intended: intendedPath }));
  return plan.commands.length > 0 ? ExitCode.changes : ExitCode.ok;
}

function render(plan: ConfigPlan, options: DiffOptions, files: { running: string; intended: string }): string {
  switch (options.format) {
    case 'commands': {
      const lines = renderDeviceCommands(plan.commands);
      return lines.length > 0 ? `${lines.join('\n')}\n` : '';
    }
    case 'json':
      return `${JSON.stringify({ ...files, changed: plan.commands.length > 0, ...plan, deviceCommands: renderDeviceCommands(plan.commands) }, null, 2)}\n`;
    default:
      return formatPlanText(plan, { color: options.color ?? false });
  }
}
