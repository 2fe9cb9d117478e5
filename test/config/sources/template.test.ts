import { describe, expect, it } from 'vitest';
import { useSourceFolder } from './source-folder.js';
import type { ConfigSource } from '../../../src/config/sources/source.js';
import { renderTemplate, TemplateError, TemplateRenderer } from '../../../src/config/sources/template.js';

const folder = useSourceFolder('template');
const put = folder.put;

async function failure(file: string, context: Record<string, unknown> = {}): Promise<TemplateError> {
  const error = await renderTemplate(folder.source, file, context).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TemplateError);
  return error as TemplateError;
}

describe('renderTemplate', () => {
  it('renders loops and filters into clean IOS config (trimBlocks, lstripBlocks)', async () => {
    await put({
      'access.cfg.njk': [
        'hostname {{ hostname | upper }}',
        '{% for vlan in vlans %}',
        'vlan {{ vlan.id }}',
        ' name {{ vlan.name }}',
        '{% endfor %}',
        '{% for iface in interfaces %}',
        'interface {{ iface.name }}',
        '  {% if iface.shutdown | default(false) %}',
        ' shutdown',
        '  {% else %}',
        ' no shutdown',
        '  {% endif %}',
        ' description {{ iface.description | default("unused") }} & <uplink>',
        '{% endfor %}',
        'ntp server {{ ntp | join(" ") }}',
        '',
      ].join('\n'),
    });
    const text = await renderTemplate(folder.source, 'access.cfg.njk', {
      hostname: 'sw1',
      vlans: [
        { id: 10, name: 'users' },
        { id: 20, name: 'voice' },
      ],
      interfaces: [{ name: 'Gi0/1', shutdown: true }, { name: 'Gi0/2', description: 'ap' }],
      ntp: ['10.0.0.1', '10.0.0.2'],
    });
    expect(text).toBe(
      [
        'hostname SW1',
        'vlan 10',
        ' name users',
        'vlan 20',
        ' name voice',
        'interface Gi0/1',
        ' shutdown',
        ' description unused & <uplink>',
        'interface Gi0/2',
        ' no shutdown',
        ' description ap & <uplink>',
        'ntp server 10.0.0.1 10.0.0.2',
        '',
      ].join('\n'),
    );
  });

  it('includes, imports and extends other files of the folder.source, also inside loops', async () => {
    await put({
      'templates/base.njk': 'hostname {{ name }}\n{% block body %}{% endblock %}\nend\n',
      'templates/sw.njk': [
        '{% extends "templates/base.njk" %}',
        '{% import "templates/macros.njk" as m %}',
        '{% block body %}',
        '{% for port in ports %}',
        '{% include "./parts/port.njk" %}',
        '{% endfor %}',
        '{{ m.banner(name) }}',
        '{% endblock %}',
      ].join('\n'),
      'templates/parts/port.njk': 'interface {{ port }}\n',
      'templates/macros.njk': '{% macro banner(n) %}banner motd ^{{ n }}^{% endmacro %}',
    });
    expect(await renderTemplate(folder.source, 'templates/sw.njk', { name: 'sw1', ports: ['Gi0/1', 'Gi0/2'] })).toBe(
      'hostname sw1\ninterface Gi0/1\ninterface Gi0/2\nbanner motd ^sw1^\nend\n',
    );
  });

  it('reports an undefined variable with the template file, line and variable name', async () => {
    await put({ 'templates/access.cfg.njk': 'hostname {{ name }}\n!\n!\n!\n!\n!\nip default-gateway {{ mgmt_vlan }}\n' });
    const error = await failure('templates/access.cfg.njk', { name: 'sw1' });
    expect(error.message).toBe('configs/templates/access.cfg.njk:7: undefined variable: mgmt_vlan');
    expect(error).toMatchObject({ file: 'configs/templates/access.cfg.njk', line: 7, reason: 'undefined variable: mgmt_vlan' });
  });

  it('reports an undefined attribute in an included file at that file', async () => {
    await put({ 'top.njk': 'a\n{% include "inc.njk" %}\n', 'inc.njk': 'x\n interface {{- iface.name -}}\n' });
    expect((await failure('top.njk', { iface: {} })).message).toBe('configs/inc.njk:2: undefined variable: iface.name');
  });

  it('reports syntax errors with file and line', async () => {
    await put({ 'bad.njk': 'hostname x\n!\nvlan {{ id }\n' });
    const error = await failure('bad.njk', { id: 1 });
    expect(error.file).toBe('configs/bad.njk');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^configs\/bad\.njk:3: expected variable end/);
  });

  it('reports a missing include', async () => {
    await put({ 'top.njk': '{% include "nope.njk" %}' });
    expect((await failure('top.njk')).message).toBe('configs/top.njk: template not found: nope.njk');
  });

  it('honours ignore missing, and fills includes fetched on a re-run', async () => {
    await put({ 'top.njk': '{% include "opt.njk" ignore missing %}{% include "none.njk" ignore missing %}end', 'opt.njk': 'opt\n' });
    expect(await renderTemplate(folder.source, 'top.njk', {})).toBe('opt\nend');
  });

  it('fetches each file once per renderer', async () => {
    await put({ 'a.njk': '{% include "b.njk" %}{{ n }}\n', 'b.njk': 'b ' });
    const reads: string[] = [];
    const counting: ConfigSource = {
      description: folder.source.description,
      listFiles: () => folder.source.listFiles(),
      readFile: (p) => (reads.push(p), folder.source.readFile(p)),
      locate: (p) => folder.source.locate(p),
    };
    const renderer = new TemplateRenderer(counting);
    const out = await Promise.all([1, 2, 3].map((n) => renderer.render('a.njk', { n })));
    expect(out).toEqual(['b 1\n', 'b 2\n', 'b 3\n']);
    expect(reads.sort()).toEqual(['a.njk', 'b.njk']);
  });

  it('does not escape HTML characters', async () => {
    await put({ 't.njk': '{{ s }}' });
    expect(await renderTemplate(folder.source, 't.njk', { s: `a&b <c> "d" 'e'` })).toBe(`a&b <c> "d" 'e'`);
  });
});
