// The service on the command line: `catnet serve`, and `catnet users …` to manage who may use it.

import { Option, type Command } from 'commander';
import { projectOptions } from './project-options.js';

const print = (text: string): void => {
  process.stdout.write(text);
};

export function registerServiceCommands(program: Command): void {
  program
    .command('serve')
    .description('Run the HTTP service: REST API with JWT roles, history, logs over SSE, /metrics, schedules and drift detection.')
    .option('--listen <host:port>', 'address to listen on (default: settings.server.listen, 127.0.0.1:8080)')
    .option('--key-file <path>', 'master key file (default: $CATNET_MASTER_KEY_FILE); keys also come from $CATNET_MASTER_KEY')
    .action(async (opts: { listen?: string }, command: Command) => {
      const { runServe } = await import('./serve.js');
      process.exitCode = await runServe(projectOptions(command), opts, print);
    });

  const users = program.command('users').description('Users of the HTTP service (stored in the state database).');
  const run = async (command: Command, action: 'add' | 'list' | 'remove' | 'passwd', args: { name?: string; role?: string; json?: boolean }): Promise<void> => {
    const { runUsers } = await import('./users.js');
    process.exitCode = await runUsers(projectOptions(command).config, action, args, print);
  };
  users
    .command('add <name>')
    .description('Add a user; the password is asked on the terminal, or read from the first line of stdin.')
    .addOption(new Option('--role <role>', 'admin (everything), operator (plan, deploy, rollback, backup) or viewer (read-only)').choices(['admin', 'operator', 'viewer']).makeOptionMandatory())
    .action((name: string, opts: { role: string }, command: Command) => run(command, 'add', { name, role: opts.role }));
  users
    .command('list')
    .option('--json', 'JSON output')
    .action((opts: { json?: boolean }, command: Command) => run(command, 'list', { json: opts.json }));
  users
    .command('passwd <name>')
    .description('Set a new password (asked, or the first line of stdin).')
    .action((name: string, _opts: unknown, command: Command) => run(command, 'passwd', { name }));
  users
    .command('remove <name>')
    .description('Remove a user; their tokens stop working at once. The last admin cannot be removed.')
    .action((name: string, _opts: unknown, command: Command) => run(command, 'remove', { name }));
}
