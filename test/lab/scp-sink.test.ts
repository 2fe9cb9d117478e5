// Uploading a config to flash with scp (as a client's `scp file host:flash:name` does), then
// `configure replace` from it: over a real SSH connection.

import { afterEach, describe, expect, it } from 'vitest';
import { ScpSink, scpSinkTarget } from '../../src/lab/server/scp-sink.js';
import { scpUpload } from '../../src/device/transport/scp-upload.js';
import { connectSsh, runExec } from '../support/lab-client.js';
import { startTestDevice, testConfig, type TestDevice } from '../support/lab-device-fixture.js';

describe('scp to flash', () => {
  let lab: TestDevice | undefined;
  afterEach(async () => {
    await lab?.close();
  });

  it('takes the file a client uploads, for configure replace', async () => {
    lab = await startTestDevice({ config: testConfig({ global: 'ip scp server enable' }) });
    const connection = await connectSsh(lab.login());
    const intended = lab.device.runningConfigBody().replace('hostname r1', 'hostname r1-new');
    // The device layer's scp source: it resolves only when the sink acknowledged and exited 0.
    await scpUpload(connection.client, 'r1', 'flash:catnet-intended.cfg', intended, 5000);
    expect(lab.device.flash.get('catnet-intended.cfg')).toBe(intended);

    const replaced = await runExec(connection, 'configure replace flash:catnet-intended.cfg force');
    connection.close();
    expect(replaced.output).toContain('Rollback Done');
    expect(lab.device.hostname()).toBe('r1-new');
  });

  it('is a CLI command (and refused) without ip scp server enable', async () => {
    lab = await startTestDevice();
    const connection = await connectSsh(lab.login());
    const result = await runExec(connection, 'scp -t flash:x.cfg');
    connection.close();
    expect(result.output).toMatch(/% (Invalid input|Unknown command)/);
    expect(lab.device.flash.has('x.cfg')).toBe(false);
  });

  it('refuses what flash cannot hold (directories)', () => {
    const said: string[] = [];
    const sink = new ScpSink('a.cfg', { write: (d) => said.push(d.toString('latin1')), file: () => undefined, fail: (m) => said.push(`fail:${m}`) });
    sink.input(Buffer.from('D0755 0 configs\n'));
    expect(said).toEqual(['\0', 'fail:scp: directories are not supported']);
  });

  it.each([
    ['scp -t flash:a.cfg', 'a.cfg'],
    ['scp -t flash:/a.cfg', 'a.cfg'],
    ['scp -v -t a.cfg', 'a.cfg'],
    ['scp -f flash:a.cfg', undefined],
    ['show version', undefined],
  ])('reads the target of %j', (command, target) => {
    expect(scpSinkTarget(command)).toBe(target);
  });
});
