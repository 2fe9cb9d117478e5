// The engine's entry point: two config texts in, one plan out.

import { normalizeConfig, type IgnoreRule, type NormalizeOptions } from './normalize.js';
import { prepareSharedTrees } from './pair.js';
import { parseConfig } from './parse.js';
import { isOrderedSection, type Platform } from './platform.js';
import { ciscoIos } from './platforms/cisco-ios.js';
import { remediate } from './remediate.js';
import { assessRisk } from './risk.js';
import { unifiedDiff, type SharedBlocks } from './text-diff.js';
import type { ConfigPlan, ConfigTree, PlanCommand } from './types.js';

export interface PlanOptions {
  ignore?: IgnoreRule[];
  ignoreVersion?: boolean;
  /** Labels for error messages and the diff header (e.g. file names). */
  runningSource?: string;
  intendedSource?: string;
  platform?: Platform;
}

function normalizeOptions(options: PlanOptions): NormalizeOptions {
  return {
    ignore: options.ignore ?? [],
    ignoreVersion: options.ignoreVersion ?? false,
    platform: options.platform ?? ciscoIos,
    inPlace: true, // the parsed tree is ours: no need to copy it
  };
}

/** Parses and normalises one config text with the plan's options. */
export function prepareConfig(text: string, source: string | undefined, options: PlanOptions = {}): ConfigTree {
  const tree = parseConfig(text, source === undefined ? {} : { source });
  return normalizeConfig(tree, normalizeOptions(options));
}

/**
 * Both configs of a plan, as two calls of prepareConfig would give them, in less time: a
 * top-level block written the same on both sides is parsed and normalised once, and the two
 * trees share its node (which carries its running-config line numbers).
 */
export function preparePair(running: string, intended: string, options: PlanOptions = {}): { running: ConfigTree; intended: ConfigTree } {
  const trees = prepareSharedTrees(running, intended, sourcesOf(options), normalizeOptions(options));
  trees.complete();
  return { running: trees.running, intended: trees.intended };
}

/** The plan that turns `running` into `intended`: commands, diff, risk. */
export function planConfig(running: string, intended: string, options: PlanOptions = {}): ConfigPlan {
  const trees = prepareSharedTrees(running, intended, sourcesOf(options), normalizeOptions(options));
  return makePlan(trees.running, trees.intended, options, trees.shared);
}

/** The same, for trees already parsed and normalised. */
export function planTrees(running: ConfigTree, intended: ConfigTree, options: PlanOptions = {}): ConfigPlan {
  return makePlan(running, intended, options, undefined);
}

/**
 * The commands, and the diff on first read: it costs as much as the commands again, and some
 * adapters never show it. `shared`: the trees' blocks left as written (see pair.ts).
 */
function makePlan(running: ConfigTree, intended: ConfigTree, options: PlanOptions, shared: SharedBlocks | undefined): ConfigPlan {
  const platform = options.platform ?? ciscoIos;
  const commands = remediate(running, intended, platform);
  let diff: string | undefined;
  const makeDiff = (): string => {
    if (diff !== undefined) return diff;
    return (diff = unifiedDiff(running, intended, {
      runningLabel: options.runningSource ?? 'running',
      intendedLabel: options.intendedSource ?? 'intended',
      isOrdered: (header: string | undefined) => isOrderedSection(platform, header),
      // Numbered ACL lines are top-level, yet their order counts.
      orderedGroup: (text: string) => (text.startsWith('access-list ') ? text.split(' ', 2)[1] : undefined),
      ...(shared ? { shared } : {}),
    }));
  };
  const plan: ConfigPlan = { commands, diff: '', risk: assessRisk(commands, platform.riskRules), stats: countKinds(commands) };
  // A getter in the place of the field: JSON.stringify, spread and equality still see a string.
  return Object.defineProperty(plan, 'diff', { get: makeDiff, enumerable: true, configurable: true });
}

function sourcesOf(options: PlanOptions): { running: string | undefined; intended: string | undefined } {
  return { running: options.runningSource, intended: options.intendedSource };
}

function countKinds(commands: PlanCommand[]): ConfigPlan['stats'] {
  const stats = { add: 0, remove: 0, replace: 0 };
  for (const command of commands) stats[command.kind]++;
  return stats;
}
