// `catnet diff` end to end: the built binary, real files, exit codes and every output format.

import { mkdtempSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const RUNNING = `Building configuration...

Current configuration : 512 bytes
!
! Last configuration change at 10:00:00 UTC Mon Nov 23 2026 by admin
hostname r1
!
interface GigabitEthernet0/1
 description old uplink
 ip address 10.0.0.1 255.255.255.0
!
access-list 10 permit 10.1.0.0 0.0.255.255
access-list 10 permit 10.2.0.0 0.0.255.255
access-list 10 permit 10.3.0.0 0.0.255.255
!
line vty 0 4
 access-class 10 in
 transport input ssh
end
`;

const INTENDED = `hostname r1
interface Gi0/1
 description new uplink
 ip address 10.0.0.1 255.255.255.0
access-list 10 permit 10.1.0.0 0.0.255.255
access-list 10 permit 10.3.0.0 0.0.255.255
line vty 0 4
 access-class 10 in
 transport input ssh
`;

let dir: string;
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'catnet-diff-'));
});

describe('catnet diff', () => {
  it('prints the exact device commands and exits 3 when there are changes', () => {
    const result = runCli(['diff', file('r.cfg', RUNNING), file('i.cfg', INTENDED), '--format', 'commands']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'ip access-list resequence 10 10 10',
      'ip access-list standard 10',
      ' no 20',
      'exit',
      'ip access-list resequence 10 10 10',
      'interface GigabitEthernet0/1',
      ' description new uplink',
      'exit',
    ]);
  });

  it('exits 0 with a clear message when the configs match', () => {
    const result = runCli(['diff', file('same-r.cfg', RUNNING), file('same-i.cfg', RUNNING)]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No changes');
  });

  it('text format shows the diff with section context, marked commands and the risk', () => {
    const result = runCli(['diff', file('t-r.cfg', RUNNING), file('t-i.cfg', INTENDED)]);
    expect(result.status).toBe(3);
    expect(result.stdout).toMatch(/^--- .*t-r\.cfg/m);
    expect(result.stdout).toMatch(/^@@ .* @@ interface GigabitEthernet0\/1$/m);
    expect(result.stdout).toContain('-access-list 10 permit 10.2.0.0 0.0.255.255');
    expect(result.stdout).toMatch(/^ {2}~ {3}description new uplink$/m);
    expect(result.stdout).toMatch(/^Risk: MEDIUM$/m);
  });

  it('json format is the plan as data', () => {
    const result = runCli(['diff', file('j-r.cfg', RUNNING), file('j-i.cfg', INTENDED), '--format', 'json']);
    expect(result.status).toBe(3);
    const plan = JSON.parse(result.stdout);
    expect(plan.changed).toBe(true);
    expect(plan.commands).toContainEqual(
      expect.objectContaining({ path: ['interface GigabitEthernet0/1'], text: 'description new uplink', kind: 'replace' }),
    );
    expect(plan.stats).toEqual({ add: 0, remove: 1, replace: 3 });
    expect(plan.deviceCommands[0]).toBe('ip access-list resequence 10 10 10');
    expect(plan.risk.level).toBe('medium');
  });

  it('--ignore drops matching lines on both sides', () => {
    const result = runCli(['diff', file('g-r.cfg', RUNNING), file('g-i.cfg', INTENDED), '--format', 'commands', '--ignore', '^access-list 10 ', '--ignore', '^interface >>^description']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['a missing file', () => [join(dir, 'nope.cfg'), file('x.cfg', INTENDED)], /nope\.cfg: cannot read the running config: no such file/],
    ['an empty file', () => [file('empty.cfg', '  \n'), file('x2.cfg', INTENDED)], /empty\.cfg: the running config is empty/],
    ['a binary file', () => [file('bin.cfg', Buffer.from([0x68, 0x00, 0x01, 0xff])), file('x3.cfg', INTENDED)], /bin\.cfg: binary file/],
    ['invalid UTF-8', () => [file('latin.cfg', Buffer.from([0x68, 0x6f, 0xe9, 0x0a])), file('x4.cfg', INTENDED)], /latin\.cfg: not valid UTF-8/],
    ['a directory', () => [dir, file('x5.cfg', INTENDED)], /is a directory/],
    ['an unterminated banner (file:line)', () => [file('ok.cfg', RUNNING), file('banner.cfg', 'hostname r1\nbanner motd ^C\nhello\n')], /banner\.cfg:2: banner motd is not terminated/],
    ['configuration after end (file:line)', () => [file('ok3.cfg', RUNNING), file('after-end.cfg', 'hostname r1\nend\nntp server 10.0.0.1\n')], /after-end\.cfg:3: configuration after "end" \(line 2\)/],
    ['impossible indentation (file:line)', () => [file('ok2.cfg', RUNNING), file('indent.cfg', 'interface Gi0/1\n   description a\n  shutdown\n')], /indent\.cfg:3: impossible indentation/],
  ])('bad input: %s → exit 2 naming the file', (_name, files, message) => {
    const result = runCli(['diff', ...(files as () => string[])()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message as RegExp);
    expect(result.stdout).toBe('');
  });

  it('an unreadable file → exit 2', () => {
    if (process.getuid?.() === 0) return; // root reads everything: nothing to test here
    const path = file('secret.cfg', RUNNING);
    chmodSync(path, 0o000);
    const result = runCli(['diff', path, file('x6.cfg', INTENDED)]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/permission denied/);
  });

  it('an invalid --ignore regex or --format → exit 2', () => {
    const bad = runCli(['diff', file('o1.cfg', RUNNING), file('o2.cfg', INTENDED), '--ignore', '(unclosed']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--ignore "\(unclosed": invalid regular expression/);
    const format = runCli(['diff', file('o3.cfg', RUNNING), file('o4.cfg', INTENDED), '--format', 'yaml']);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/yaml.*not one of the allowed choices|Allowed choices/i);
  });

  it('plans the shipped example (the README main job)', () => {
    mkdirSync(dir, { recursive: true });
    const result = runCli(['diff', 'docs/examples/core-1.running.cfg', 'configs/core-1.cfg', '--format', 'commands']);
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('default interface GigabitEthernet0/3');
    expect(result.stdout).not.toContain('GigabitEthernet0/4');
  });
});
