// `catnet serve`: runs the HTTP service until SIGTERM or Ctrl-C, then shuts down gracefully
// (running deployments reach a safe point first). A second signal exits at once.

import { parseListen as parseListenAddress, type ListenAddress } from '../../config/inventory/server.js';
import { startServer } from '../../server/serve.js';
import { ExitCode, InputError, type ExitCodeValue } from '../exit-codes.js';
import type { ProjectCliOptions } from './project-options.js';

export async function runServe(project: ProjectCliOptions, options: { listen?: string }, print: (text: string) => void): Promise<ExitCodeValue> {
  const server = await startServer({ configFile: project.config, keyFile: project.keyFile, ...(options.listen ? { listen: parseListen(options.listen) } : {}) });
  print(`catnet serve: listening on ${server.url} (API ${server.url}/api/v1, OpenAPI ${server.url}/api/v1/openapi.json, metrics ${server.url}/metrics)\n`);
  await new Promise<void>((resolve) => {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals): void => {
      signals++;
      if (signals > 1) {
        process.stderr.write(`catnet serve: ${signal} again: exiting now; running deployments are marked interrupted at the next start\n`);
        process.exit(ExitCode.error);
      }
      process.stderr.write(`catnet serve: ${signal}: finishing running jobs, then exiting (send it again to exit at once)\n`);
      void server.close().then(resolve);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  return ExitCode.ok;
}

/** `host:port` or `[v6]:port` as `settings.server.listen` reads them, or a bare port (on 127.0.0.1). */
export function parseListen(value: string): ListenAddress {
  const parsed = parseListenAddress(/^\d+$/.test(value) ? `127.0.0.1:${value}` : value);
  if (typeof parsed === 'string') throw new InputError(`--listen "${value}": ${parsed}`);
  return parsed;
}
