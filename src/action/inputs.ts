// The Action's inputs (action.yml), read and checked once. Secrets never come as inputs: the
// master key and credentials reach CatNet through the environment, as for the CLI.

export type ActionCommand = 'plan' | 'deploy' | 'backup' | 'rollback';

export interface ActionInputs {
  command: ActionCommand;
  config: string;
  devices: string[];
  groups: string[];
  githubToken: string;
  comment: boolean;
  failOnChanges: boolean;
  maxFailures: number | undefined;
  canary: number | undefined;
  confirmTimer: number | undefined;
  rollbackTo: string;
  /** Commit the run's backups to this branch; undefined: they stay in the job. */
  backupBranch: string | undefined;
}

export class InputError extends Error {
  override readonly name = 'InputError';
}

/** `getInput` is @actions/core's (INPUT_<NAME> variables); the default command follows the event. */
export function readInputs(getInput: (name: string) => string, eventName: string): ActionInputs {
  const command = getInput('command') || (eventName === 'push' ? 'deploy' : 'plan');
  if (!['plan', 'deploy', 'backup', 'rollback'].includes(command)) throw new InputError(`input command: expected plan, deploy, backup or rollback, not "${command}"`);
  return {
    command: command as ActionCommand,
    config: getInput('config') || 'catnet.config.yaml',
    devices: list(getInput('devices')),
    groups: list(getInput('groups')),
    githubToken: getInput('github-token'),
    comment: bool(getInput('comment'), 'comment', true),
    failOnChanges: bool(getInput('fail-on-changes'), 'fail-on-changes', false),
    maxFailures: count(getInput('max-failures'), 'max-failures', 0),
    canary: count(getInput('canary'), 'canary', 0),
    confirmTimer: count(getInput('confirm-timer'), 'confirm-timer', 1),
    rollbackTo: getInput('rollback-to') || 'latest',
    backupBranch: branch(getInput('backup-branch')),
  };
}

function list(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A branch name git accepts (git check-ref-format), checked before the run touches a device. */
function branch(value: string): string | undefined {
  const name = value.trim().replace(/^refs\/heads\//, '');
  if (name === '') return undefined;
  const bad = /[\s~^:?*[\\\x00-\x1f\x7f]|\.\.|@\{|\/\/|^[/.-]|[/.]$|\.lock$|\/\.|\.lock\//.test(name);
  if (bad || name === '@') throw new InputError(`input backup-branch: "${value}" is not a valid branch name`);
  return name;
}

function bool(value: string, name: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new InputError(`input ${name}: expected true or false, not "${value}"`);
}

function count(value: string, name: string, min: number): number | undefined {
  if (value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InputError(`input ${name}: expected a whole number ≥ ${min}, not "${value}"`);
  return n;
}
