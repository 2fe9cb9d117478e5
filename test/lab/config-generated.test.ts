// Every line of realistic generated running-configs, re-entered through the config interpreter
// on an empty device, is accepted and gives back the same running-config: the grammar covers what
// the lab's devices contain, and the order IOS prints lines in is rebuilt as the lines arrive.

import { describe, expect, it } from 'vitest';
import { LabDevice } from '../../src/lab/device/lab-device.js';
import { generateDeviceModel } from '../../src/lab/generate/device-model.js';
import { renderRunningConfig } from '../../src/lab/generate/render-model.js';
import { configSession } from '../support/config-session.js';

const credentials = { username: 'u', password: 'p', enableSecret: 'e', authorizedKeys: [] };

describe('generated configs re-entered line by line', () => {
  it.each([
    [1_000, 1],
    [1_000, 2],
    [1_000, 3],
    [5_000, 4],
    [5_000, 5],
    [5_000, 6],
  ])('a %i-line config (seed %i) is accepted whole and comes back the same', (targetLines, seed) => {
    const text = renderRunningConfig(generateDeviceModel({ hostname: `gen-${seed}`, seed, targetLines }));
    const body = new LabDevice({ name: 'source', config: text, credentials }).runningConfigBody();
    const session = configSession('');
    const entered = body.split('\n');
    const printed = session.type(entered.slice(0, entered.indexOf('end')));
    // Only the banner's prompt for its text: no refusals.
    expect(printed).toEqual(["Enter TEXT message.  End with the character '^C'."]);
    expect(session.device.runningConfigBody()).toBe(body);
  });
});
