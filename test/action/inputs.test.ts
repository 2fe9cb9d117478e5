import { describe, expect, it } from 'vitest';
import { InputError, readInputs } from '../../src/action/inputs.js';

const from = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('readInputs', () => {
  it('defaults the command to the event: plan on pull requests, deploy on pushes', () => {
    expect(readInputs(from({}), 'pull_request')).toMatchObject({ command: 'plan', config: 'catnet.config.yaml', comment: true, failOnChanges: false, devices: [], rollbackTo: 'latest', backupBranch: undefined });
    expect(readInputs(from({}), 'push').command).toBe('deploy');
    expect(readInputs(from({ command: 'backup' }), 'push').command).toBe('backup');
  });

  it('reads lists, booleans, counts and the backup branch', () => {
    const inputs = readInputs(from({ devices: 'r1, r2\nr3', groups: 'core', comment: 'false', 'fail-on-changes': 'yes', 'max-failures': '2', canary: '1', 'confirm-timer': '5', 'backup-branch': 'refs/heads/catnet-backups' }), 'pull_request');
    expect(inputs).toMatchObject({ devices: ['r1', 'r2', 'r3'], groups: ['core'], comment: false, failOnChanges: true, maxFailures: 2, canary: 1, confirmTimer: 5, backupBranch: 'catnet-backups' });
  });

  it('names the input at fault', () => {
    expect(() => readInputs(from({ command: 'apply' }), 'push')).toThrow(new InputError('input command: expected plan, deploy, backup or rollback, not "apply"'));
    expect(() => readInputs(from({ comment: 'maybe' }), 'push')).toThrow(/input comment: expected true or false/);
    expect(() => readInputs(from({ 'confirm-timer': '0' }), 'push')).toThrow(/input confirm-timer: expected a whole number ≥ 1/);
    expect(() => readInputs(from({ 'backup-branch': 'bad..name' }), 'push')).toThrow(/backup-branch/);
  });
});
