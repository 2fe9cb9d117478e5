// Property tests: random realistic edits of generated configs. For every edit set, the plan
// applied by predict() (an independent interpreter of the commands) converges on the intent,
// and planning the intent against itself is empty.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { converged, normalizeConfig, planConfig, predictConfig, prepareConfig, remediate, renderDeviceCommands } from '../../src/ios/index.js';
import { generateDeviceModel } from '../../src/lab/generate/device-model.js';
import { mutateModel } from '../../src/lab/generate/mutate-model.js';
import { createRandom } from '../../src/lab/generate/random.js';
import { renderIntendedConfig, renderRunningConfig } from '../../src/lab/generate/render-model.js';

const RUNS = 150;

function scenario(seed: number, edits: number, style: 'plain' | 'human') {
  const model = generateDeviceModel({ hostname: `r${seed % 7}`, seed, targetLines: 400 });
  const mutated = mutateModel(model, createRandom(seed ^ 0x5eed), edits);
  return {
    running: renderRunningConfig(model),
    intended: renderIntendedConfig(mutated.model, { style }),
    edits: mutated.edits,
  };
}

describe('plan properties on random edits of realistic configs', () => {
  it('predict(running, plan) converges on the intent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('plain' as const, 'human' as const), (seed, edits, style) => {
        const s = scenario(seed, edits, style);
        const plan = planConfig(s.running, s.intended);
        const running = prepareConfig(s.running, 'running');
        const intended = prepareConfig(s.intended, 'intended');
        const result = normalizeConfig(predictConfig(running, plan.commands));
        const leftover = remediate(result, intended);
        if (leftover.length > 0) {
          throw new Error(
            `not converged after edits ${JSON.stringify(s.edits)}\nplan:\n${renderDeviceCommands(plan.commands).join('\n')}\nstill needed:\n${renderDeviceCommands(leftover).join('\n')}`,
          );
        }
        expect(converged(result, intended)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('an unchanged config plans nothing, however it is written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const model = generateDeviceModel({ hostname: 'r1', seed, targetLines: 400 });
        const running = renderRunningConfig(model);
        expect(planConfig(running, running).commands).toEqual([]);
        expect(planConfig(running, renderIntendedConfig(model, { style: 'human' })).commands).toEqual([]);
        expect(planConfig(running, renderIntendedConfig(model, { style: 'plain' })).diff).toBe('');
      }),
      { numRuns: 50 },
    );
  });
});
