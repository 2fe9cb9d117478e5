// Sends one file to the device with scp (the source side of `scp -t`), over an SSH connection
// already logged in: how a full intended config reaches flash for `configure replace`.
// The device must allow it (`ip scp server enable` on IOS).

import type { Client, ClientChannel } from 'ssh2';
import { DeviceError } from '../errors.js';

/** `path` as the device names it, e.g. `flash:catnet-replace.cfg`. */
export function scpUpload(client: Client, device: string, path: string, content: string, timeoutMs: number): Promise<void> {
  const data = Buffer.from(content, 'utf8');
  const name = path.replace(/^.*[:/]/, '');
  return new Promise((resolve, reject) => {
    const failed = (message: string, details: Record<string, unknown> = {}): void =>
      reject(new DeviceError('command_rejected', device, `scp upload of ${path} failed: ${message}`, { path, ...details }));
    const timer = setTimeout(() => failed(`no answer within ${timeoutMs} ms`, { timeoutMs }), timeoutMs);
    client.exec(`scp -t ${path}`, (error: Error | undefined, channel: ClientChannel) => {
      if (error) {
        clearTimeout(timer);
        return failed(error.message);
      }
      // The sink acknowledges each step with a NUL; anything else is its refusal, in words.
      const steps = [Buffer.from(`C0644 ${data.length} ${name}\n`), Buffer.concat([data, Buffer.from([0])])];
      let said = '';
      let status: number | undefined;
      channel.on('data', (chunk: Buffer) => {
        for (const byte of chunk) {
          if (byte !== 0) {
            said += String.fromCharCode(byte);
            continue;
          }
          const next = steps.shift();
          if (next) channel.write(next);
          else channel.end();
        }
      });
      channel.on('exit', (code: number | null) => (status = code ?? undefined));
      channel.on('close', () => {
        clearTimeout(timer);
        if (status === 0 && steps.length === 0) return resolve();
        // Without `ip scp server enable`, IOS answers `scp` like any unknown command.
        failed(said.trim() === '' ? `the device ended the transfer (exit status ${status ?? 'none'})` : said.trim().replace(/^\x01/, ''), { exitStatus: status, deviceText: said });
      });
    });
  });
}
