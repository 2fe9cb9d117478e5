#!/usr/bin/env -S node --max-semi-space-size=64
// The `catnet` command line. Adapters only: parse arguments, call the engine, print, exit.

import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import type { DiffFormat } from './commands/diff.js';
import type { LabStartOptions } from './commands/lab.js';
import { registerSecretsCommands } from './commands/secrets.js';
import { ExitCode, isBadInput } from './exit-codes.js';
import { registerInventoryCommands } from './commands/inventory.js';
import { registerPipelineCommands } from './commands/pipeline-commands.js';
import { registerServiceCommands } from './commands/service-commands.js';
import { DEFAULT_CONFIG } from './commands/project-options.js';
import { tuneForShortRun } from './short-run.js';

// dist/cli/main.js (the bundle, src/cli/build.mjs) and src/cli/main.ts both sit two levels below package.json.
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

function buildProgram(): Command {
  const program = new Command()
    .name('catnet')
    .description('GitOps for Cisco IOS: back up, plan, deploy, verify and roll back device configs.')
    .version(version)
    .option('-c, --config <file>', `the inventory (default: $CATNET_CONFIG or ${DEFAULT_CONFIG})`)
    .exitOverride()
    .showHelpAfterError();

  program
    .command('diff')
    .description('Plan offline: the commands that turn a running config file into an intended one.')
    .argument('<running-file>', 'the device running-config (e.g. a backup)')
    .argument('<intended-file>', 'the intended config')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'commands', 'json']).default('text'))
    .option('--ignore <regex>', 'ignore lines matching REGEX (or SECTION_REGEX>>REGEX); repeatable', collect, [])
    .option('--ignore-version', 'treat the `version` line as volatile')
    .addHelpText('after', '\nExit status: 0 no changes, 3 changes, 2 bad input, 1 other errors.')
    .action(async (running: string, intended: string, opts: { format: DiffFormat; ignore: string[]; ignoreVersion?: boolean }) => {
      const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
      tuneForShortRun();
      const { runDiff } = await import('./commands/diff.js');
      process.exitCode = await runDiff(running, intended, { ...opts, color }, (text) => process.stdout.write(text));
    });

  const lab = program.command('lab').description('Simulated IOS devices (SSH and Telnet) to try CatNet without hardware.');
  lab
    .command('start')
    .description('Start simulated devices on 127.0.0.1 and keep them running until Ctrl-C.')
    .option('--devices <n>', 'number of devices with generated configs (default 3)')
    .option('--base-port <port>', 'first SSH port; Telnet ports follow the SSH ones (0: any free port)', '10001')
    .option('--file <lab.yaml>', 'devices, configs and faults from a lab file')
    .option('--key-file <path>', 'master key file (default: $CATNET_MASTER_KEY_FILE); keys also come from $CATNET_MASTER_KEY')
    .option('--write-inventory <path>', 'write a catnet.config.yaml (and its encrypted credentials) for the running lab')
    .option('--lines <n>', 'size of generated configs, in lines', '300')
    .option('--host-key-dir <dir>', 'where the devices keep their SSH host keys', '.catnet/lab/host-keys')
    .addHelpText('after', "\nWith -c/--config catnet.config.yaml: serve the inventory's devices, on their ports, with their logins\nand intended configs (a --file entry of the same name gives a device's config and faults).")
    .action(async (opts: LabStartOptions, command: Command) => {
      // Imported on use: the lab (ssh2 and all) is not loaded for the other commands.
      const { runLabStart } = await import('./commands/lab.js');
      // Only an explicit -c/--config (not $CATNET_CONFIG): a plain `lab start` keeps making up devices.
      const config = command.optsWithGlobals<{ config?: string }>().config;
      process.exitCode = await runLabStart({ ...opts, config }, (text) => process.stdout.write(text));
    });

  registerSecretsCommands(program);
  registerInventoryCommands(program);
  registerPipelineCommands(program);
  registerServiceCommands(program);
  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return Number(process.exitCode ?? ExitCode.ok);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every usage mistake is bad input.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    }
    if (isBadInput(error)) {
      process.stderr.write(`catnet: ${error.message}\n`);
      return ExitCode.badInput;
    }
    process.stderr.write(`catnet: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.error;
  }
}

process.exitCode = await main(process.argv);
