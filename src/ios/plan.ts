// The engine's entry point: two config texts in, one plan out.

import { normalizeConfig, type IgnoreRule } from './normalize.js';
import { parseConfig } from './parse.js';
import { isOrderedSection, type Platform } from './platform.js';
import { ciscoIos } from './platforms/cisco-ios.js';
import { remediate } from './remediate.js';
import { assessRisk } from './risk.js';
import { unifiedDiff } from './text-diff.js';
import type { ConfigPlan, ConfigTree, PlanCommand } from './types.js';

export interface PlanOptions {
  ignore?: IgnoreRule[];
  ignoreVersion?: boolean;
  /** Labels for error messages and the diff header (e.g. file names). */
  runningSource?: string;
  intendedSource?: string;
  platform?: Platform;
}

/** Parses and normalises one config text with the plan's options. */
export function prepareConfig(text: string, source: string | undefined, options: PlanOptions = {}): ConfigTree {
  const tree = parseConfig(text, source === undefined ? {} : { source });
  return normalizeConfig(tree, {
    ignore: options.ignore ?? [],
    ignoreVersion: options.ignoreVersion ?? false,
    platform: options.platform ?? ciscoIos,
    inPlace: true, // the parsed tree is ours: no need to copy it
  });
}

/** The plan that turns `running` into `intended`: commands, diff, risk. */
export function planConfig(running: string, intended: string, options: PlanOptions = {}): ConfigPlan {
  const runningTree = prepareConfig(running, options.runningSource, options);
  const intendedTree = prepareConfig(intended, options.intendedSource, options);
  return planTrees(runningTree, intendedTree, options);
}

/** The same, for trees already parsed and normalised. */
export function planTrees(running: ConfigTree, intended: ConfigTree, options: PlanOptions = {}): ConfigPlan {
  const platform = options.platform ?? ciscoIos;
  const commands = remediate(running, intended, platform);
  const diff = unifiedDiff(running, intended, {
    runningLabel: options.runningSource ?? 'running',
    intendedLabel: options.intendedSource ?? 'intended',
    isOrdered: (header: string | undefined) => isOrderedSection(platform, header),
    // Numbered ACL lines are top-level, yet their order counts.
    orderedGroup: (text: string) => (text.startsWith('access-list ') ? text.split(' ', 2)[1] : undefined),
  });
  return { commands, diff, risk: assessRisk(commands, platform.riskRules), stats: countKinds(commands) };
}

function countKinds(commands: PlanCommand[]): ConfigPlan['stats'] {
  const stats = { add: 0, remove: 0, replace: 0 };
  for (const command of commands) stats[command.kind]++;
  return stats;
}
