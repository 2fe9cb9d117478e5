import { describe, expect, it } from 'vitest';
import { FILE, problems } from './helpers.js';

describe('inventory problems name file, line and field', () => {
  it.each([
    [
      'a port that is not a number',
      `devices:
  - name: r1
    host: 10.0.0.1
    port: abc
`,
      `${FILE}:4: devices[0].port: expected number, received string`,
    ],
    [
      'a port out of range',
      `devices:
  - name: r1
    host: 10.0.0.1
    port: 70000
`,
      `${FILE}:4: devices[0].port: must be at most 65535`,
    ],
    ['a misspelt top-level key', `devics: []\n`, `${FILE}:1: devics: unknown field`],
    [
      'a misspelt key in a device',
      `devices:
  - name: r1
    host: 10.0.0.1
    prot: 22
`,
      `${FILE}:4: devices[0].prot: unknown field`,
    ],
    [
      'a misspelt key in the settings',
      `settings:
  timeouts:
    connect: 5000
`,
      `${FILE}:3: settings.timeouts.connect: unknown field`,
    ],
    [
      'a transport that is not one of the choices',
      `devices:
  - name: r1
    host: 10.0.0.1
    transport: sshh
`,
      `${FILE}:4: devices[0].transport: expected one of "ssh", "telnet", received "sshh"`,
    ],
    ['a device without a host', `devices:\n  - name: r1\n`, `${FILE}:2: devices[0].host: required`],
    [
      'a device name that cannot be a file name',
      `devices:
  - name: core/1
    host: 10.0.0.1
`,
      `${FILE}:2: devices[0].name: expected letters, digits, ".", "_" or "-", starting with a letter or digit (it names files)`,
    ],
    [
      'an unknown group in a device',
      `groups:
  core: {}
devices:
  - name: r1
    host: 10.0.0.1
    groups:
      - core
      - edge
`,
      `${FILE}:8: devices[0].groups[1]: unknown group "edge"`,
    ],
    ['an unknown parent group', `groups:\n  core:\n    groups: [base]\n`, `${FILE}:3: groups.core.groups[0]: unknown group "base"`],
    [
      'a cycle among groups',
      `groups:
  a:
    groups: [b]
  b:
    groups: [c]
  c:
    groups: [a]
`,
      `${FILE}:3: groups.a.groups: groups form a cycle: a → b → c → a`,
    ],
    ['a group that is its own parent', `groups:\n  a:\n    groups: [a]\n`, `${FILE}:3: groups.a.groups: groups form a cycle: a → a`],
    [
      'a duplicate device name',
      `devices:
  - name: r1
    host: 10.0.0.1
  - name: r1
    host: 10.0.0.2
`,
      `${FILE}:4: devices[1].name: duplicate device name "r1" (first at devices[0])`,
    ],
    [
      'a bad regex in an ignore rule',
      `settings:
  ignore:
    - '^ntp clock-period'
    - 'interface>>(description'
`,
      `${FILE}:4: settings.ignore[1]: invalid regular expression "(description": Unterminated group`,
    ],
    [
      'a bad regex in redact',
      `settings:
  redact:
    - 'secret [0-9'
`,
      `${FILE}:3: settings.redact[0]: invalid regular expression "secret [0-9": Unterminated character class`,
    ],
    [
      'a custom check without expectation',
      `settings:
  health_checks:
    custom:
      - name: bgp
        command: show ip bgp summary
`,
      `${FILE}:4: settings.health_checks.custom[0]: needs expect or expect_not`,
    ],
    [
      'a missing environment variable',
      `devices:
  - name: r1
    host: 10.0.0.1
  - name: r2
    host: 10.0.0.2
  - name: core
    host: \${CORE_HOST}
`,
      `${FILE}:7: devices[2].host: environment variable CORE_HOST is not set`,
    ],
    ['a YAML syntax error', `devices:\n  - name: r1\n    host: [10.0.0.1\n`, `${FILE}:4: invalid YAML: unexpected end of the stream within a flow collection`],
    [
      'a batch size that is not a count or a share',
      `settings:\n  deploy:\n    batch_size: half\n`,
      `${FILE}:3: settings.deploy.batch_size: expected a device count like 10 or a share like 25%`,
    ],
    ['an unknown source type', `settings:\n  source: { type: gitlab }\n`, `${FILE}:2: settings.source.type: expected one of "local", "github", received "gitlab"`],
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });

  it('lists every problem of every kind at once, in file order', () => {
    const text = `settings:
  concurrency: 0
  redact: ['(']
groups:
  core:
    groups: [base]
devices:
  - name: r1
    host: \${R1_HOST}
    port: "\${R1_PORT}x"
  - name: r1
    host: 10.0.0.2
    transport: ftp
`;
    expect(problems(text, { R1_PORT: '22' })).toEqual([
      `${FILE}:2: settings.concurrency: must be at least 1`,
      `${FILE}:3: settings.redact[0]: invalid regular expression "(": Unterminated group`,
      `${FILE}:6: groups.core.groups[0]: unknown group "base"`,
      `${FILE}:9: devices[0].host: environment variable R1_HOST is not set`,
      `${FILE}:10: devices[0].port: expected number, received string`,
      `${FILE}:11: devices[1].name: duplicate device name "r1" (first at devices[0])`,
      `${FILE}:13: devices[1].transport: expected one of "ssh", "telnet", received "ftp"`,
    ]);
  });

  it('lists each unknown key of an object', () => {
    const text = `devices:\n  - name: r1\n    host: \${HOST}\n    prot: 22\n    grups: [core]\n`;
    expect(problems(text)).toEqual([
      `${FILE}:3: devices[0].host: environment variable HOST is not set`,
      `${FILE}:4: devices[0].prot: unknown field`,
      `${FILE}:5: devices[0].grups: unknown field`,
    ]);
  });

  it('reports a field with a missing variable once, for the variable', () => {
    const text = `devices:\n  - name: r1\n    host: 10.0.0.1\n    port: \${SSH_PORT}\n`;
    expect(problems(text)).toEqual([`${FILE}:4: devices[0].port: environment variable SSH_PORT is not set`]);
  });

  it('asks for a mapping where the file has something else', () => {
    expect(problems(`devices:\n  r1: { host: 10.0.0.1 }\n`)).toEqual([`${FILE}:1: devices: expected list, received mapping`]);
  });
});
