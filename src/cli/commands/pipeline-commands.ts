// The GitOps loop on the command line: plan, deploy, backup, backups, rollback, history, logs.
// Each command module is imported when run (they load the store, ssh2 and the rest).

import { Option, type Command } from 'commander';
import { projectOptions } from './project-options.js';
import type { RunOptions } from './pipeline-run.js';

const print = (text: string): void => {
  process.stdout.write(text);
};
const color = (): boolean => process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
const collect = (value: string, previous: string[]): string[] => [...previous, value];
const KEY_FILE_HELP = 'master key file (default: $CATNET_MASTER_KEY_FILE); keys also come from $CATNET_MASTER_KEY';

function run(command: Command, opts: { keyFile?: string; verbose?: boolean }): RunOptions {
  return { ...projectOptions(command), keyFile: opts.keyFile, verbose: opts.verbose };
}

/** The options every device-touching command has. */
function withTargets(command: Command): Command {
  return command
    .option('--device <name>', 'a device (repeatable); default: all', collect, [])
    .option('--group <name>', 'the devices of a group (repeatable)', collect, [])
    .option('--key-file <path>', KEY_FILE_HELP)
    .option('-v, --verbose', 'debug logs on stderr');
}

export function registerPipelineCommands(program: Command): void {
  withTargets(program.command('plan').description('Back up each device and show the exact commands that would make it match its intended config.'))
    .option('--out <plan.json>', 'write the plan to a file for `catnet deploy --plan`')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .addHelpText('after', '\nExit status: 0 no changes, 3 changes, 1 a device could not be planned, 2 bad input.')
    .action(async (opts, command: Command) => {
      const { runPlan } = await import('./plan.js');
      process.exitCode = await runPlan(run(command, opts), opts, print, color());
    });

  withTargets(program.command('deploy').description('Push the plan: lock, stale check, backup, push, verify, save; roll back on failure.'))
    .option('--plan <plan.json>', 'deploy this plan file (else plan now and confirm)')
    .option('--yes', 'do not ask for confirmation')
    .option('--dry-run', 'everything but the push: show what would be sent')
    .option('--canary <n>', 'deploy to the first N devices first; any failure stops the rest')
    .option('--batch-size <n|p%>', 'devices per batch (a number or a share of the fleet)')
    .option('--max-failures <n>', 'stop after more than N devices failed')
    .option('--no-auto-rollback', 'leave a failed device as it is (default: restore its backup)')
    .option('--no-save', 'do not `write memory` after a verified change')
    .option('--confirm-timer <minutes>', "arm IOS's revert timer for management-plane changes; confirmed only after a fresh login and the checks pass")
    .addHelpText('after', '\nExit status: 0 every device succeeded or had nothing to change, 1 a device failed, 2 bad input.')
    .action(async (opts, command: Command) => {
      const { runDeploy } = await import('./deploy.js');
      process.exitCode = await runDeploy(run(command, opts), opts, print, color());
    });

  withTargets(program.command('backup').description('Take a backup of running configs now (kept only when changed).')).action(async (opts, command: Command) => {
    const { runBackup } = await import('./backup.js');
    process.exitCode = await runBackup(run(command, opts), opts, print);
  });

  const backups = program.command('backups').description('Backups kept in the backups folder.');
  backups
    .command('list')
    .description("A device's backups, newest first.")
    .requiredOption('--device <name>', 'the device')
    .option('--json', 'as JSON')
    .action(async (opts: { device: string; json?: boolean }, command: Command) => {
      const { runBackupsList } = await import('./backup.js');
      process.exitCode = await runBackupsList(projectOptions(command), opts, print);
    });
  backups
    .command('show')
    .description('Print a backup (secrets masked).')
    .argument('<backup-id>', 'as listed: <device>/<timestamp>')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const { runBackupsShow } = await import('./backup.js');
      process.exitCode = await runBackupsShow(projectOptions(command), id, print);
    });

  program
    .command('rollback')
    .description('Restore a backup on a device: shows the commands first, then asks.')
    .requiredOption('--device <name>', 'the device')
    .option('--to <target>', 'latest | <backup-id> | deployment:<id>', 'latest')
    .option('--yes', 'do not ask for confirmation')
    .option('--no-save', 'do not `write memory` after the restore')
    .option('--key-file <path>', KEY_FILE_HELP)
    .option('-v, --verbose', 'debug logs on stderr')
    .action(async (opts, command: Command) => {
      const { runRollback } = await import('./rollback.js');
      process.exitCode = await runRollback(run(command, opts), opts, print, color());
    });

  const history = program
    .command('history')
    .description('Deployments, newest first.')
    .option('--limit <n>', 'at most N', '20')
    .option('--device <name>', 'only deployments that touched this device')
    .option('--json', 'as JSON')
    .action(async (opts: { limit: string; device?: string; json?: boolean }, command: Command) => {
      const { runHistory } = await import('./history.js');
      process.exitCode = await runHistory(projectOptions(command), opts, print);
    });
  history
    .command('show')
    .description('One deployment: every device, its commands, checks and backups.')
    .argument('<deployment-id>')
    .option('--json', 'as JSON')
    .action(async (id: string, opts: { json?: boolean }, command: Command) => {
      const { runHistoryShow } = await import('./history.js');
      process.exitCode = await runHistoryShow(projectOptions(command), id, opts, print);
    });

  program
    .command('logs')
    .description('The job log (redacted): what every run did.')
    .option('--deployment <id>', 'one deployment')
    .option('--device <name>', 'one device')
    .addOption(new Option('--level <level>', 'this level and above').choices(['debug', 'info', 'warn', 'error']))
    .option('--category <name>', 'backup, plan, deploy, verify, rollback…')
    .option('--limit <n>', 'the last N entries', '200')
    .option('--follow', 'keep printing new entries until Ctrl-C')
    .action(async (opts, command: Command) => {
      const { runLogs } = await import('./history.js');
      process.exitCode = await runLogs(projectOptions(command), opts, print);
    });

  program
    .command('demo')
    .description('The whole loop on simulated devices, narrated: validate, plan, deploy, a refused change rolled back, a manual rollback, history.')
    .option('--keep', 'keep the demo project folder afterwards')
    .action(async (opts: { keep?: boolean }) => {
      const { runDemo } = await import('./demo.js');
      process.exitCode = await runDemo(opts, print, color());
    });
}
