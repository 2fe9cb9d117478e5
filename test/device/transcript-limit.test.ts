// A long-lived session keeps only the most recent part of its raw transcript, and a slice taken
// by position (as a deployment records its change) is still exact.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSCRIPT_LIMIT } from '../../src/device/channel.js';
import { connectIos } from '../../src/device/ios-driver.js';
import { generatedConfig } from '../../src/lab/runner/lab-file.js';
import { startDeviceLab, type DeviceLab } from './device-lab.js';

describe('session transcript', () => {
  let env: DeviceLab;
  beforeAll(async () => {
    env = await startDeviceLab([{ name: 'big', config: generatedConfig('big', 5000) }]);
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('keeps the last part of a long session and slices by position', async () => {
    const driver = await connectIos(env.options('big'));
    try {
      for (let i = 0; i < 3; i++) await driver.getRunningConfig();
      const { channel } = driver;
      expect(channel.received).toBeGreaterThan(TRANSCRIPT_LIMIT);
      expect(channel.transcript.length).toBeLessThanOrEqual(TRANSCRIPT_LIMIT);
      const mark = channel.received;
      await driver.show('show version');
      const end = channel.received;
      await driver.getRunningConfig();
      const slice = channel.transcriptBetween(mark, end);
      expect(slice).toContain('show version');
      expect(slice).not.toContain('show running-config');
      expect(channel.transcriptBetween(0, 10)).toMatch(/^\[… \d+ characters not kept\]\n$/);
    } finally {
      driver.close();
    }
  });
});
