#!/usr/bin/env node
// The `catnet` command line. Adapters only: parse arguments, call the engine, print, exit.

import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import { IosConfigError } from '../ios/index.js';
import { runDiff, type DiffFormat } from './commands/diff.js';
import { ExitCode, InputError } from './exit-codes.js';

// dist/cli/main.js and src/cli/main.ts both sit two levels below package.json.
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

function buildProgram(): Command {
  const program = new Command()
    .name('catnet')
    .description('GitOps for Cisco IOS: back up, plan, deploy, verify and roll back device configs.')
    .version(version)
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
      process.exitCode = await runDiff(running, intended, { ...opts, color }, (text) => process.stdout.write(text));
    });

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
    if (error instanceof InputError || error instanceof IosConfigError) {
      process.stderr.write(`catnet: ${error.message}\n`);
      return ExitCode.badInput;
    }
    process.stderr.write(`catnet: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.error;
  }
}

process.exitCode = await main(process.argv);
