// The inventory commands: `validate`, `devices list`, `gitops connect|disconnect|list-configs|show`.
// Each is imported when run, so that other commands do not load the inventory, YAML, nunjucks
// or Octokit modules.

import type { Command } from 'commander';
import { projectOptions } from './project-options.js';

const print = (text: string): void => {
  process.stdout.write(text);
};

export function registerInventoryCommands(program: Command): void {
  program
    .command('validate')
    .description('Check the inventory, credentials and every intended config (renders and parses), listing every problem.')
    .option('--key-file <path>', 'master key file (default: $CATNET_MASTER_KEY_FILE); keys also come from $CATNET_MASTER_KEY')
    .addHelpText('after', '\nExit status: 0 valid, 2 problems (each listed with its file and line).')
    .action(async (opts: { keyFile?: string }, command: Command) => {
      const { runValidate } = await import('./validate.js');
      process.exitCode = await runValidate({ ...projectOptions(command), keyFile: opts.keyFile }, print);
    });

  const devices = program.command('devices').description('The devices of the inventory.');
  devices
    .command('list')
    .description('List devices with their effective (inherited) values; secrets are never shown.')
    .option('--json', 'as JSON')
    .option('--group <group>', 'only devices in this group (directly or through a child group)')
    .action(async (opts: { json?: boolean; group?: string }, command: Command) => {
      const { runDevicesList } = await import('./devices.js');
      process.exitCode = await runDevicesList(projectOptions(command), opts, print);
    });

  const gitops = program.command('gitops').description('Where intended configs come from: a local folder or a GitHub repository.');
  gitops
    .command('connect')
    .description('Take intended configs from a folder of a GitHub repository at a ref (checked before it is recorded).')
    .argument('<owner/repo>', 'the repository')
    .option('--ref <ref>', 'branch, tag or commit SHA', 'main')
    .option('--path <path>', 'folder of the configs in the repository', 'configs')
    .option('--token-env <name>', 'environment variable holding the GitHub token', 'GITHUB_TOKEN')
    .action(async (repo: string, opts: { ref: string; path: string; tokenEnv: string }, command: Command) => {
      const { runGitopsConnect } = await import('./gitops.js');
      process.exitCode = await runGitopsConnect(projectOptions(command), repo, opts, print);
    });
  gitops
    .command('disconnect')
    .description('Forget the GitHub connection: configs come from settings.source again.')
    .action(async (_opts: unknown, command: Command) => {
      const { runGitopsDisconnect } = await import('./gitops.js');
      process.exitCode = await runGitopsDisconnect(projectOptions(command), print);
    });
  gitops
    .command('list-configs')
    .description("Each device's intended config and where it comes from (file or template).")
    .option('--json', 'as JSON')
    .addHelpText('after', '\nExit status: 0 every device has one, 2 otherwise.')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { runGitopsListConfigs } = await import('./gitops.js');
      process.exitCode = await runGitopsListConfigs(projectOptions(command), opts, print);
    });
  gitops
    .command('show')
    .description("Print a device's intended config, rendered (secrets masked).")
    .argument('<device>', 'device name')
    .action(async (device: string, _opts: unknown, command: Command) => {
      const { runGitopsShow } = await import('./gitops.js');
      process.exitCode = await runGitopsShow(projectOptions(command), device, print);
    });
}
