// Acceptance table of the remediation engine: every scenario of test/ios/scenarios/ is planned
// and its device rendering compared line by line with the hand-written expectation.

import { describe, expect, it } from 'vitest';
import { planConfig, renderDeviceCommands } from '../../src/ios/index.js';
import { scenarios as acls } from './scenarios/acls.js';
import { scenarios as basics } from './scenarios/basics.js';
import { scenarios as ignore } from './scenarios/ignore.js';
import { scenarios as interfaces } from './scenarios/interfaces.js';
import { scenarios as management } from './scenarios/management.js';
import { scenarios as routing } from './scenarios/routing.js';
import { scenarios as sharedBlocks } from './scenarios/shared-blocks.js';
import type { Scenario } from './scenarios/types.js';

const topics: Array<[topic: string, scenarios: Scenario[]]> = [
  ['basics', basics],
  ['interfaces', interfaces],
  ['acls', acls],
  ['routing', routing],
  ['management', management],
  ['ignore', ignore],
  ['shared blocks', sharedBlocks],
];

type PlanOptions = NonNullable<Parameters<typeof planConfig>[2]>;

function planOptions(s: Scenario): PlanOptions {
  const options: PlanOptions = { runningSource: `${s.name} (running)`, intendedSource: `${s.name} (intended)` };
  if (s.options?.ignore) {
    options.ignore = s.options.ignore.map((rule) => ({
      match: new RegExp(rule.match),
      ...(rule.within === undefined ? {} : { within: new RegExp(rule.within) }),
    }));
  }
  if (s.options?.ignoreVersion !== undefined) options.ignoreVersion = s.options.ignoreVersion;
  return options;
}

describe('remediation scenarios', () => {
  it('has unique scenario names and enough of them', () => {
    const names = topics.flatMap(([, list]) => list.map((s) => s.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(65);
  });

  describe.each(topics)('%s', (_topic, scenarios) => {
    it.each(scenarios)('$name', (s) => {
      const plan = planConfig(s.running, s.intended, planOptions(s));
      expect(renderDeviceCommands(plan.commands)).toEqual(s.expected);
    });

    it.each(scenarios)('$name: intended planned against itself is empty', (s) => {
      const plan = planConfig(s.intended, s.intended, planOptions(s));
      expect(renderDeviceCommands(plan.commands)).toEqual([]);
    });
  });
});
