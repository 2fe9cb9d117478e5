// `catnet validate`: everything a run needs, checked without touching a device: the inventory,
// the credentials (every value decrypts, every referenced set exists), and for every device an
// intended config that renders and parses. Every problem is listed, then the exit status says
// whether there were any.

import { ConfigFileError, type ConfigProblem } from '../../config/config-file-error.js';
import { displayPath, openProject, type Project } from '../../config/project.js';
import { SecretError } from '../../config/secrets/box.js';
import { loadMasterKeys } from '../../config/secrets/keys.js';
import { checkCredentials, parseCredentialsFile } from '../../config/secrets/credentials-file.js';
import { resolveAllIntended } from '../../config/sources/intended.js';
import { parseConfig, IosConfigError } from '../../ios/index.js';
import { redact } from '../../obs/redact.js';
import { ExitCode, type ExitCodeValue } from '../exit-codes.js';
import type { ProjectCliOptions } from './project-options.js';

export async function runValidate(options: ProjectCliOptions, print: (text: string) => void): Promise<ExitCodeValue> {
  const project = await openProject({ configFile: options.config, keyFile: options.keyFile });
  const problems = [...(await credentialProblems(project, options)), ...(await intendedProblems(project, options.config))];
  const { inventory } = project;
  const summary = `${inventory.devices.length} device${inventory.devices.length === 1 ? '' : 's'}, ${inventory.groups.length} group${inventory.groups.length === 1 ? '' : 's'}, configs from ${project.source.description}`;
  if (problems.length === 0) {
    print(`${options.config}: ${summary}: OK\n`);
    return ExitCode.ok;
  }
  print(problems.map((line) => `${redact(line)}\n`).join(''));
  print(`${options.config}: ${summary}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
  return ExitCode.badInput;
}

/** The credentials file decrypts, and every set a device names is in it. */
async function credentialProblems(project: Project, options: ProjectCliOptions): Promise<string[]> {
  const { inventory } = project;
  const file = displayPath(inventory.settings.paths.credentials);
  const lines: string[] = [];
  for (const [i, device] of inventory.devices.entries()) {
    if (device.credentials.length === 0) lines.push(located(options.config, device.line, `devices[${i}].credentials: ${device.name} has no credential set (set \`credentials\` on the device, a group or defaults)`));
  }
  if (!inventory.devices.some((device) => device.credentials.length > 0)) return lines;
  let names: string[];
  try {
    names = Object.keys((await parseCredentialsFile(file)).data.credentials);
  } catch (error) {
    if (error instanceof ConfigFileError) return [...lines, ...error.message.split('\n')];
    throw error;
  }
  for (const [i, device] of inventory.devices.entries()) {
    const missing = device.credentials.filter((name) => !names.includes(name));
    if (missing.length > 0) lines.push(located(options.config, device.line, `devices[${i}].credentials: unknown credential set ${missing.map((n) => `"${n}"`).join(', ')} (${file} has: ${names.join(', ')})`));
  }
  try {
    const keys = await loadMasterKeys({ env: process.env, keyFile: options.keyFile });
    lines.push(...formatProblems(file, await checkCredentials(file, keys)));
  } catch (error) {
    if (!(error instanceof SecretError)) throw error;
    lines.push(`${file}: ${error.message}`);
  }
  return lines;
}

/** Every device has an intended config that renders and parses. */
async function intendedProblems(project: Project, config: string): Promise<string[]> {
  const { devices } = project.inventory;
  const results = await resolveAllIntended(project.source, devices);
  return results.flatMap((result, i) => {
    if (!result.ok) {
      // Template and file errors name their file; "no config found" is about the device entry.
      const { message } = result.error;
      return [/^\S+:\d+: /.test(message) ? message : located(config, devices[i]?.line, `devices[${i}]: ${message}`)];
    }
    try {
      parseConfig(result.value.text, { source: result.value.origin.location });
      return [];
    } catch (error) {
      if (error instanceof IosConfigError) return [`${error.message}${result.value.origin.kind === 'template' ? ` (rendered for ${result.device})` : ''}`];
      throw error;
    }
  });
}

function formatProblems(file: string, problems: ConfigProblem[]): string[] {
  return problems.length === 0 ? [] : new ConfigFileError(file, problems).message.split('\n');
}

function located(file: string, line: number | undefined, message: string): string {
  return `${file}${line === undefined ? '' : `:${line}`}: ${message}`;
}
