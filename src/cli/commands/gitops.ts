// `catnet gitops`: where the intended configs come from. `connect` points the project at a
// folder of a GitHub repository at a ref (checked by listing it before anything is recorded),
// `list-configs` shows each device's intended config and where it comes from, `show` prints one.

import { connectGitops, prepareConnection } from '../../config/gitops-connect.js';
import { removeConnection } from '../../config/gitops-state.js';
import { openProject, openSource } from '../../config/project.js';
import { resolveAllIntended, resolveIntended } from '../../config/sources/intended.js';
import { GitHubSource } from '../../config/sources/github.js';
import { redact } from '../../obs/redact.js';
import { redactForOutput } from '../../obs/redact-value.js';
import { ExitCode, InputError, type ExitCodeValue } from '../exit-codes.js';
import { formatTable } from '../table.js';
import type { ProjectCliOptions } from './project-options.js';

type Print = (text: string) => void;

export interface ConnectOptions {
  ref: string;
  path: string;
  tokenEnv: string;
}

export async function runGitopsConnect(project: ProjectCliOptions, repo: string, options: ConnectOptions, print: Print): Promise<ExitCodeValue> {
  const { inventory } = await openProject({ configFile: project.config, keyFile: project.keyFile });
  const pending = prepareConnection(inventory, { repo, ref: options.ref, path: options.path, tokenEnv: options.tokenEnv }, process.env);
  const { source, files, results } = await connectGitops(inventory, pending);
  const found = results.filter((r) => r.ok).length;
  print(`connected ${source.description} (commit ${source.commitSha?.slice(0, 12)}): ${files.length} file${files.length === 1 ? '' : 's'}; ${found} of ${inventory.devices.length} devices have an intended config there\n`);
  if (found < inventory.devices.length) print('run `catnet gitops list-configs` to see which are missing\n');
  return ExitCode.ok;
}

export async function runGitopsDisconnect(project: ProjectCliOptions, print: Print): Promise<ExitCodeValue> {
  const { inventory } = await openProject({ configFile: project.config, keyFile: project.keyFile });
  const was = await removeConnection(inventory.settings.paths.state);
  // Without the connection, the settings' source is in force again.
  const source = openSource(inventory.settings.source, inventory, process.env);
  print(was ? `disconnected; configs now come from ${source.description}\n` : `not connected; configs come from ${source.description}\n`);
  return ExitCode.ok;
}

export async function runGitopsListConfigs(project: ProjectCliOptions, options: { json?: boolean }, print: Print): Promise<ExitCodeValue> {
  const { inventory, source, sourceOrigin } = await openProject({ configFile: project.config, keyFile: project.keyFile });
  const results = await resolveAllIntended(source, inventory.devices);
  const commit = source instanceof GitHubSource ? source.commitSha : undefined;
  if (options.json) {
    const configs = results.map((r) => (r.ok ? { device: r.device, kind: r.value.origin.kind, path: r.value.origin.path, location: r.value.origin.location } : { device: r.device, error: r.error.message }));
    print(`${JSON.stringify(redactForOutput({ source: source.description, origin: sourceOrigin, commit, configs }), null, 2)}\n`);
  } else {
    print(`configs from ${source.description}${commit ? ` (commit ${commit.slice(0, 12)})` : ''}${sourceOrigin === 'gitops' ? ', connected with `catnet gitops connect`' : ''}\n`);
    const rows = results.map((r) => (r.ok ? [r.device, r.value.origin.kind, r.value.origin.path] : [r.device, 'missing', r.error.message]));
    print(redact(formatTable(['DEVICE', 'KIND', 'PATH'], rows)));
  }
  // A device without an intended config cannot be planned: scripts should see it.
  return results.every((r) => r.ok) ? ExitCode.ok : ExitCode.badInput;
}

export async function runGitopsShow(project: ProjectCliOptions, name: string, print: Print): Promise<ExitCodeValue> {
  const { inventory, source } = await openProject({ configFile: project.config, keyFile: project.keyFile });
  const device = inventory.devices.find((d) => d.name === name);
  if (!device) throw new InputError(`no device "${name}" in ${project.config}`);
  const intended = await resolveIntended(source, device);
  // Intended configs may carry secrets (`enable secret`, keys): displays are always redacted.
  const text = redact(intended.text);
  print(text.endsWith('\n') ? text : `${text}\n`);
  return ExitCode.ok;
}
