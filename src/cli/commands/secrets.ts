// `catnet secrets`: master keys and the encrypted values of credentials.yaml. The secrets modules
// (node:crypto, libsodium on first use, zod, YAML) are loaded inside the actions, so other
// commands never load them: this module is imported at every start of the CLI.

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { ConfigFileError } from '../../config/config-file-error.js';
import type { MasterKey } from '../../config/secrets/box.js';
import { InputError } from '../exit-codes.js';
import { projectOptions } from './project-options.js';

interface KeyOptions {
  keyFile?: string;
}

interface FileOptions extends KeyOptions {
  file?: string;
}

const CREDENTIALS_FILE = 'credentials.yaml';

export function registerSecretsCommands(program: Command): void {
  const secrets = program.command('secrets').description('Master keys and encrypted credentials (credentials.yaml).');
  const keyFileHelp = 'master key file (default: $CATNET_MASTER_KEY_FILE); keys also come from $CATNET_MASTER_KEY';

  secrets
    .command('keygen')
    .description('Print a new random master key line, `<key-id>:<base64>`.')
    .option('--id <key-id>', 'key id (default: k<yyyymmdd>, UTC)')
    .action(async (opts: { id?: string }) =>
      run(async () => {
        const { generateMasterKey } = await import('../../config/secrets/keys.js');
        process.stdout.write(`${generateMasterKey(opts.id ?? `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`)}\n`);
        process.stderr.write(
          'catnet: keep this key in a secret manager and give it to CatNet as CATNET_MASTER_KEY\n' +
            "        (export CATNET_MASTER_KEY='<key>') or in a key file (--key-file, CATNET_MASTER_KEY_FILE).\n" +
            '        To rotate, list the new key first and the old one after it, then run `catnet secrets rotate`.\n',
        );
      }),
    );

  secrets
    .command('encrypt')
    .description('Encrypt a value read from stdin (or typed at a prompt) and print its enc:v1: token.')
    .option('--key-id <id>', 'master key to encrypt with (default: the first key configured)')
    .option('--key-file <path>', keyFileHelp)
    // Taken so that a value given as an argument gets a clear refusal, not a usage error.
    .allowExcessArguments(true)
    .action(async (opts: KeyOptions & { keyId?: string }, command: Command) =>
      run(async () => {
        if (command.args.length > 0) {
          throw new InputError('secrets encrypt never takes the value as an argument (shell history and process lists would keep it): pipe it on stdin or type it at the prompt');
        }
        const { selectMasterKey } = await import('../../config/secrets/keys.js');
        const { encryptSecret } = await import('../../config/secrets/box.js');
        const key = selectMasterKey(await masterKeys(opts), opts.keyId);
        const value = await readSecretValue();
        if (value === '') throw new InputError('empty value: nothing to encrypt');
        process.stdout.write(`${await encryptSecret(value, key)}\n`);
      }),
    );

  secrets
    .command('rotate')
    .description('Re-encrypt every value of the credentials file with one master key (after a backup).')
    .requiredOption('--to <key-id>', 'the master key to move every value to')
    .option('--file <path>', `credentials file (default: the inventory's settings.paths.credentials, else ${CREDENTIALS_FILE})`)
    .option('--key-file <path>', keyFileHelp)
    .action(async (opts: FileOptions & { to: string }, command: Command) =>
      run(async () => {
        const { rotateCredentials } = await import('../../config/secrets/rotate.js');
        const file = await credentialsPath(opts, command);
        const result = await rotateCredentials(file, await masterKeys(opts), opts.to);
        const from = Object.entries(result.fromKeys).map(([id, n]) => `${n} from "${id}"`);
        process.stdout.write(`${file}: ${result.values} value${result.values === 1 ? '' : 's'} now under key "${opts.to}"${from.length > 0 ? ` (${from.join(', ')})` : ''}; backup: ${result.backupFile}\n`);
      }),
    );

  secrets
    .command('check')
    .description('Check that every value of the credentials file decrypts.')
    .option('--file <path>', `credentials file (default: the inventory's settings.paths.credentials, else ${CREDENTIALS_FILE})`)
    .option('--key-file <path>', keyFileHelp)
    .addHelpText('after', '\nExit status: 0 every value decrypts, 2 otherwise (every problem is listed).')
    .action(async (opts: FileOptions, command: Command) =>
      run(async () => {
        const { checkCredentials } = await import('../../config/secrets/credentials-file.js');
        const file = await credentialsPath(opts, command);
        const problems = await checkCredentials(file, await masterKeys(opts));
        if (problems.length > 0) throw new ConfigFileError(file, problems);
        process.stdout.write(`${file}: every value decrypts\n`);
      }),
    );
}

/**
 * The credentials file of a command: `--file`, else the one the inventory names
 * (`settings.paths.credentials` of `--config`, or of ./catnet.config.yaml when there is one),
 * else ./credentials.yaml.
 */
export async function credentialsPath(opts: { file?: string }, command: Command): Promise<string> {
  if (opts.file !== undefined) return opts.file;
  const { config } = projectOptions(command);
  const explicit = command.optsWithGlobals<{ config?: string }>().config !== undefined || process.env.CATNET_CONFIG !== undefined;
  if (!explicit && !existsSync(config)) return CREDENTIALS_FILE;
  const { loadInventory } = await import('../../config/inventory/index.js');
  const { displayPath } = await import('../../config/project.js');
  return displayPath((await loadInventory(config)).settings.paths.credentials);
}

async function masterKeys(opts: KeyOptions): Promise<MasterKey[]> {
  const { loadMasterKeys } = await import('../../config/secrets/keys.js');
  return loadMasterKeys({ env: process.env, keyFile: opts.keyFile });
}

// Secret errors are the user's to fix (a missing or wrong key): bad input, exit 2.
async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const { SecretError } = await import('../../config/secrets/box.js');
    if (error instanceof SecretError) throw new InputError(error.message);
    throw error;
  }
}

/** The value to encrypt: all of stdin when piped (less one trailing newline), else typed without echo. */
async function readSecretValue(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  // Raw mode: the terminal does not echo, so the value never shows on screen.
  process.stderr.write('Value: ');
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  let onData: ((keys: string) => void) | undefined;
  try {
    return await new Promise<string>((done, fail) => {
      let value = '';
      onData = (keys) => {
        for (const ch of keys) {
          if (ch === '\r' || ch === '\n') return done(value);
          if (ch === '\u0003' || ch === '\u0004') return fail(new InputError('cancelled'));
          value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
        }
      };
      stdin.on('data', onData);
      stdin.resume();
    });
  } finally {
    if (onData) stdin.off('data', onData);
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}
