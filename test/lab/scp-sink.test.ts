// Uploading a config to flash with scp (as a client's `scp file host:flash:name` does), then
// `configure replace` from it: over a real SSH connection.

import { afterEach, describe, expect, it } from 'vitest';
import type { ClientChannel } from 'ssh2';
import { ScpSink, scpSinkTarget } from '../../src/lab/server/scp-sink.js';
import { connectSsh, runExec, type SshConnection } from '../support/lab-client.js';
import { startTestDevice, testConfig, type TestDevice } from '../support/lab-device-fixture.js';

/** The source side of scp: one file. Resolves with the exit status and what the sink said. */
function scpUpload(connection: SshConnection, target: string, content: string): Promise<{ status: number | undefined; said: string }> {
  return new Promise((resolve, reject) => {
    connection.client.exec(`scp -t ${target}`, (error, channel: ClientChannel) => {
      if (error) return reject(error);
      const data = Buffer.from(content);
      const steps = [Buffer.from(`C0644 ${data.length} upload.cfg\n`), Buffer.concat([data, Buffer.from([0])])];
      let said = '';
      let status: number | undefined;
      channel.on('data', (chunk: Buffer) => {
        said += chunk.toString('latin1');
        for (let k = 0; k < chunk.length; k++) {
          if (chunk[k] !== 0) continue;
          const next = steps.shift();
          if (next) channel.write(next);
          else channel.end();
        }
      });
      channel.on('exit', (code: number | null) => (status = code ?? undefined));
      channel.on('close', () => resolve({ status, said }));
    });
  });
}

describe('scp to flash', () => {
  let lab: TestDevice | undefined;
  afterEach(async () => {
    await lab?.close();
  });

  it('takes the file a client uploads, for configure replace', async () => {
    lab = await startTestDevice({ config: testConfig({ global: 'ip scp server enable' }) });
    const connection = await connectSsh(lab.login());
    const intended = lab.device.runningConfigBody().replace('hostname r1', 'hostname r1-new');
    const upload = await scpUpload(connection, 'flash:catnet-intended.cfg', intended);
    expect(upload.status).toBe(0);
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
