import { describe, expect, it } from 'vitest';
import { useSourceFolder } from './source-folder.js';
import type { Device } from '../../../src/config/inventory/types.js';
import { IntendedConfigError, resolveAllIntended, resolveIntended } from '../../../src/config/sources/intended.js';
import type { ConfigSource } from '../../../src/config/sources/source.js';

const folder = useSourceFolder('intended');
const put = folder.put;

function device(name: string, extra: Partial<Device> = {}): Device {
  return {
    name,
    host: `10.0.0.${name.length}`,
    port: 22,
    platform: 'cisco_ios',
    transport: 'ssh',
    credentials: ['default'],
    groups: [],
    vars: {},
    health_checks: { reconnect: true, interfaces: true, ping: [], custom: [] },
    line: 4,
    ...extra,
  };
}

async function failure(d: Device): Promise<IntendedConfigError> {
  const error = await resolveIntended(folder.source, d).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntendedConfigError);
  return error as IntendedConfigError;
}

describe('resolveIntended', () => {
  it('uses <name>.cfg as written, braces and all', async () => {
    await put({ 'core-1.cfg': 'hostname core-1\nbanner motd ^{{ not a template }}^\n' });
    expect(await resolveIntended(folder.source, device('core-1'))).toEqual({
      device: 'core-1',
      text: 'hostname core-1\nbanner motd ^{{ not a template }}^\n',
      origin: { kind: 'file', path: 'core-1.cfg', location: 'configs/core-1.cfg' },
    });
  });

  it('renders <name>.cfg.njk with the device vars and the device itself', async () => {
    await put({
      'sw-1.cfg.njk': 'hostname {{ device.name }}\n! {{ device.role }} at {{ device.site }} in {{ device.groups | join(",") }}\nsnmp-server location {{ location }}\n',
    });
    const d = device('sw-1', { role: 'access', site: 'hq', groups: ['access', 'all'], vars: { location: 'floor 2' } });
    expect(await resolveIntended(folder.source, d)).toEqual({
      device: 'sw-1',
      text: 'hostname sw-1\n! access at hq in access,all\nsnmp-server location floor 2\n',
      origin: { kind: 'template', path: 'sw-1.cfg.njk', location: 'configs/sw-1.cfg.njk' },
    });
  });

  it("renders the inventory's (group) template with each device's vars", async () => {
    await put({
      'templates/access.cfg.njk': [
        'hostname {{ device.name }}',
        '{% include "templates/vlans.njk" %}',
        'interface Vlan{{ mgmt_vlan }}',
        ' ip address {{ device.host }} 255.255.255.0',
        '',
      ].join('\n'),
      'templates/vlans.njk': '{% for vlan in vlans %}\nvlan {{ vlan.id }}\n name {{ vlan.name }}\n{% endfor %}\n',
    });
    const vlans = [{ id: 10, name: 'users' }];
    const results = await resolveAllIntended(folder.source, [
      device('acc-1', { template: 'templates/access.cfg.njk', vars: { vlans, mgmt_vlan: 99 } }),
      device('acc-22', { template: './templates/access.cfg.njk', vars: { vlans: [], mgmt_vlan: 98 } }),
    ]);
    expect(results.map((r) => (r.ok ? r.value.text : r.error.message))).toEqual([
      'hostname acc-1\nvlan 10\n name users\ninterface Vlan99\n ip address 10.0.0.5 255.255.255.0\n',
      'hostname acc-22\ninterface Vlan98\n ip address 10.0.0.6 255.255.255.0\n',
    ]);
    expect(results[0]).toMatchObject({ ok: true, value: { origin: { kind: 'template', path: 'templates/access.cfg.njk' } } });
  });

  it('prefers <name>.cfg over the inventory template', async () => {
    await put({ 'r1.cfg': 'hostname r1\n', 'templates/t.njk': 'x' });
    expect((await resolveIntended(folder.source, device('r1', { template: 'templates/t.njk' }))).origin.kind).toBe('file');
  });

  it('refuses both <name>.cfg and <name>.cfg.njk, naming both', async () => {
    await put({ 'r1.cfg': 'a', 'r1.cfg.njk': 'b' });
    const error = await failure(device('r1'));
    expect(error.message).toBe('ambiguous intended config for r1: both configs/r1.cfg and configs/r1.cfg.njk exist; keep one');
    expect(error).toMatchObject({ device: 'r1', location: 'configs/r1.cfg' });
  });

  it('says what it expected when there is no config', async () => {
    expect((await failure(device('core-9'))).message).toBe(
      'no intended config for core-9: expected configs/core-9.cfg, configs/core-9.cfg.njk or a template in the inventory',
    );
  });

  it('reports an inventory template that does not exist', async () => {
    const error = await failure(device('r1', { template: 'templates/nope.njk' }));
    expect(error.message).toBe('template configs/templates/nope.njk, set for r1 in the inventory, does not exist');
  });

  it('refuses a var named device rather than clobber the built-in', async () => {
    await put({ 'r1.cfg.njk': 'hostname {{ device.name }}' });
    const error = await failure(device('r1', { vars: { device: 'x' }, line: 12 }));
    expect(error.message).toMatch(/the variable "device" clashes with the built-in template variable/);
    expect(error).toMatchObject({ location: 'inventory', line: 12 });
  });

  it('reports template errors at the template file and line, for the device', async () => {
    await put({ 'templates/access.cfg.njk': 'hostname {{ device.name }}\n!\n!\n!\n!\n!\nip default-gateway {{ mgmt_vlan }}\n' });
    const error = await failure(device('core-9', { template: 'templates/access.cfg.njk' }));
    expect(error.message).toBe('configs/templates/access.cfg.njk:7: undefined variable: mgmt_vlan (rendering core-9)');
    expect(error).toMatchObject({ device: 'core-9', location: 'configs/templates/access.cfg.njk', line: 7 });
  });
});

describe('resolveAllIntended', () => {
  it('gives every device its result, listing once and reading each file once', async () => {
    await put({ 'a.cfg': 'hostname a\n', 't.njk': 'hostname {{ device.name }}{{ suffix }}\n', 'c.cfg': 'x', 'c.cfg.njk': 'y' });
    const calls: string[] = [];
    const counting: ConfigSource = {
      description: folder.source.description,
      listFiles: () => (calls.push('list'), folder.source.listFiles()),
      readFile: (p) => (calls.push(p), folder.source.readFile(p)),
      locate: (p) => folder.source.locate(p),
    };
    const results = await resolveAllIntended(counting, [
      device('a'),
      device('b', { template: 't.njk', vars: { suffix: '-x' } }),
      device('c'),
      device('d', { template: 't.njk' }),
      device('e', { template: 't.njk', vars: { suffix: '-y' } }),
    ]);
    expect(results.map((r) => [r.device, r.ok ? r.value.text : r.error.message])).toEqual([
      ['a', 'hostname a\n'],
      ['b', 'hostname b-x\n'],
      ['c', 'ambiguous intended config for c: both configs/c.cfg and configs/c.cfg.njk exist; keep one'],
      ['d', 'configs/t.njk:1: undefined variable: suffix (rendering d)'],
      ['e', 'hostname e-y\n'],
    ]);
    expect(calls.sort()).toEqual(['a.cfg', 'list', 't.njk']);
  });

  it('turns a failing read into that device’s error', async () => {
    const broken: ConfigSource = {
      description: 'configs/',
      listFiles: async () => ['a.cfg', 'b.cfg'],
      readFile: async (p) => {
        if (p === 'a.cfg') throw new Error('cannot read configs/a.cfg: permission denied');
        return 'hostname b\n';
      },
      locate: (p) => `configs/${p}`,
    };
    const results = await resolveAllIntended(broken, [device('a'), device('b')]);
    expect(results[0]).toMatchObject({ ok: false, error: { device: 'a', message: 'a: cannot read configs/a.cfg: permission denied' } });
    expect(results[1]).toMatchObject({ ok: true, value: { text: 'hostname b\n' } });
  });
});
