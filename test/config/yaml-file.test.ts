import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigFileError, parseYamlText } from '../../src/config/yaml-file.js';
import { locateField } from '../../src/config/yaml-locate.js';

const inventory = [
  '# lab',
  'host: 127.0.0.1',
  'devices:',
  '  - name: r1',
  '    port: 22',
  '  - name: r2',
  '    port: nope',
  '    faults:',
  '      stallOn: "show run"',
  'settings:',
  '  timeouts:',
  '    connect: 10',
].join('\n');

describe('locateField', () => {
  it.each([
    [['host'], 2],
    [['devices'], 3],
    [['devices', 0], 4],
    [['devices', 0, 'name'], 4],
    [['devices', 0, 'port'], 5],
    [['devices', 1, 'port'], 7],
    [['devices', 1, 'faults', 'stallOn'], 9],
    [['settings', 'timeouts', 'connect'], 12],
  ] as const)('finds %j on line %i', (path, line) => {
    expect(locateField(inventory, path)).toBe(line);
  });

  it('stops at the deepest part it finds', () => {
    expect(locateField(inventory, ['devices', 1, 'missing'])).toBe(6);
    expect(locateField(inventory, ['devices', 5])).toBe(3);
    expect(locateField(inventory, ['nothing'])).toBeUndefined();
  });

  it('reads lists written in the key column', () => {
    const text = 'devices:\n- name: a\n- name: b\n  port: 1\n';
    expect(locateField(text, ['devices', 1, 'port'])).toBe(4);
  });

  it('does not take a key of a nested map for one of its parent', () => {
    const text = 'a:\n  port: 1\nport: 2\n';
    expect(locateField(text, ['port'])).toBe(3);
  });
});

describe('parseYamlText', () => {
  const schema = z.strictObject({
    host: z.string(),
    devices: z.array(z.strictObject({ name: z.string(), port: z.number().optional(), faults: z.object({}).loose().optional() })),
    settings: z.object({}).loose(),
  });

  it('returns the checked data', () => {
    const ok = parseYamlText(inventory.replace('port: nope', 'port: 23'), 'inv.yaml', schema);
    expect(ok.devices[1]?.port).toBe(23);
  });

  it('lists every problem with file, line and field', () => {
    const text = inventory.replace('    port: 22', '    prot: 22');
    const error = catchError(() => parseYamlText(text, 'inv.yaml', schema));
    expect(error).toBeInstanceOf(ConfigFileError);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('inv.yaml:5: devices[0].prot: unknown field');
    expect(lines[1]).toMatch(/^inv\.yaml:7: devices\[1\]\.port: .*number/);
  });

  it('names the line of a YAML syntax error', () => {
    const error = catchError(() => parseYamlText('a: 1\nb: [1, 2\n', 'bad.yaml', schema));
    expect(error.message).toMatch(/^bad\.yaml:\d+: invalid YAML: /);
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
