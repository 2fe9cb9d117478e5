// Strict lookups (strict-lookup.ts): reading an undefined variable anywhere is an error, not only
// printing one, while the Jinja2 idioms for optional values keep working.

import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { useSourceFolder } from './source-folder.js';
import { renderTemplate, TemplateError } from '../../../src/config/sources/template.js';

const folder = useSourceFolder('strict');
const put = folder.put;

/** The error message rendering `lines` as templates/t.njk gives. */
async function failure(lines: string[], context: Record<string, unknown> = {}): Promise<string> {
  await put({ 'templates/t.njk': lines.join('\n') });
  const error = await renderTemplate(folder.source, 'templates/t.njk', context).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TemplateError);
  return (error as TemplateError).message;
}

async function render(lines: string[], context: Record<string, unknown> = {}): Promise<string> {
  await put({ 'templates/t.njk': lines.join('\n') });
  return renderTemplate(folder.source, 'templates/t.njk', context);
}

const T = 'configs/templates/t.njk';

describe('strict lookups', () => {
  it('rejects a missing variable looped over, naming it and its line', async () => {
    expect(await failure(['hostname sw1', '!', '{% for v in vlans %}', 'vlan {{ v.id }}', '{% endfor %}'], {})).toBe(
      `${T}:3: undefined variable: vlans`,
    );
  });

  it('rejects a missing variable in if, elif and inline if', async () => {
    expect(await failure(['{% if stp %}', 'x', '{% endif %}'])).toBe(`${T}:1: undefined variable: stp`);
    expect(await failure(['{% if a %}', '{% elif b %}', '{% endif %}'], { a: false })).toBe(`${T}:2: undefined variable: b`);
    expect(await failure(['{{ "x" if c else "y" }}'])).toBe(`${T}:1: undefined variable: c`);
  });

  it('rejects a missing variable in set, expressions, filters and comparisons', async () => {
    expect(await failure(['!', '{% set x = missing + 1 %}', '{{ x }}'])).toBe(`${T}:2: undefined variable: missing`);
    expect(await failure(['{{ vlans | join(",") }}'])).toBe(`${T}:1: undefined variable: vlans`);
    expect(await failure(['{{ "a" | replace("a", b) }}'])).toBe(`${T}:1: undefined variable: b`);
    expect(await failure(['{% if mode == "trunk" %}t{% endif %}'])).toBe(`${T}:1: undefined variable: mode`);
    expect(await failure(['{% if 10 in vlans %}t{% endif %}'])).toBe(`${T}:1: undefined variable: vlans`);
    expect(await failure(['{{ [a, 1] | length }}'])).toBe(`${T}:1: undefined variable: a`);
  });

  it('rejects a missing attribute, naming the whole path', async () => {
    expect(await failure(['!', '{% for x in site.vlans %}{{ x }}{% endfor %}'], { site: { name: 'hq' } })).toBe(
      `${T}:2: undefined variable: site.vlans`,
    );
    expect(await failure(['{% if iface.shutdown %}shutdown{% endif %}'], { iface: {} })).toBe(
      `${T}:1: undefined variable: iface.shutdown`,
    );
    expect(await failure(['{{ ports[2] }}'], { ports: ['a'] })).toBe(`${T}:1: undefined variable: ports[2]`);
    expect(await failure(['{% if site.vlans %}{% endif %}'])).toBe(`${T}:1: undefined variable: site`);
  });

  it('rejects a macro called with a missing variable, or without an argument it uses', async () => {
    const macro = '{% macro port(name, desc) %}interface {{ name }}{% if desc %} description {{ desc }}{% endif %}{% endmacro %}';
    expect(await failure([macro, '!', '{{ port(uplink, "x") }}'])).toBe(`${T}:3: undefined variable: uplink`);
    expect(await failure([macro, '{{ port("Gi0/1") }}'])).toBe(`${T}:1: undefined variable: desc`);
    expect(await failure(['{{ nope() }}'])).toBe(`${T}:1: undefined variable: nope`);
  });

  it('rejects a missing variable in an included file, naming that file', async () => {
    await put({
      'templates/top.njk': 'hostname sw1\n{% include "./parts/vlans.njk" %}\n',
      'templates/parts/vlans.njk': '!\n{% for v in vlans %}\nvlan {{ v }}\n{% endfor %}\n',
    });
    const error = await renderTemplate(folder.source, 'templates/top.njk', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toBe('configs/templates/parts/vlans.njk:2: undefined variable: vlans');
  });

  it('names the file a macro or a parent block comes from, not the file rendered', async () => {
    await put({
      'templates/lib.njk': '{% macro port(p) %}\ninterface {{ p }}\n{% for v in p_vlans %}{% endfor %}{% endmacro %}',
      'templates/sw.njk': '{% import "templates/lib.njk" as lib %}\n{{ lib.port("Gi0/1") }}\n',
      'templates/base.njk': 'hostname x\n!\n{% block body %}{{ mgmt }}{% endblock %}\n',
      'templates/leaf.njk': '{% extends "templates/base.njk" %}\n{% block body %}{{ super() }}{% endblock %}\n',
    });
    const message = (file: string) =>
      renderTemplate(folder.source, file, {}).then(
        () => 'rendered',
        (e: unknown) => (e as Error).message,
      );
    expect(await message('templates/sw.njk')).toBe('configs/templates/lib.njk:3: undefined variable: p_vlans');
    expect(await message('templates/leaf.njk')).toBe('configs/templates/base.njk:3: undefined variable: mgmt');
  });

  it('keeps null values usable in logic', async () => {
    expect(await render(['{% if banner %}b{% else %}none{% endif %}'], { banner: null })).toBe('none');
    expect(await render(['{{ banner | default("x", true) }}'], { banner: null })).toBe('x');
  });

  it('allows is defined, is undefined, default and d on missing variables and attributes', async () => {
    const text = await render(
      [
        '{% if vtp is defined %}vtp{% endif %}',
        '{% if vtp is undefined %}no-vtp{% endif %}',
        '{% if vtp is not defined %}not-vtp{% endif %}',
        '{{ domain | default("lab") }}',
        '{{ domain | d("lab2") }}',
        '{% if site.vlans is defined %}vlans{% else %}no-vlans{% endif %}',
        '{{ site.dns | default("1.1.1.1") }}',
        '{{ site.dns.primary | default("deep") }}',
        '{% for v in site.vlans | default([]) %}{{ v }}{% endfor %}',
        '{{ (site.mtu) | default(1500) }}',
        '{{ "t" if trunk is defined and trunk else "a" }}',
        '',
      ],
      { site: {} },
    );
    // trimBlocks eats the newline after a block tag.
    expect(text).toBe('no-vtpnot-vtplab\nlab2\nno-vlans1.1.1.1\ndeep\n1500\na\n');
  });

  it('allows names the template binds: loop variables, loop, set, macros, caller, imports, globals', async () => {
    await put({
      'templates/lib.njk': '{% macro desc(d) %} description {{ d }}{% endmacro %}',
    });
    const text = await render(
      [
        '{% import "templates/lib.njk" as lib %}',
        '{% from "templates/lib.njk" import desc %}',
        '{% set base = 100 %}',
        '{% macro vlan(id, name="none") %}vlan {{ base + id }} {{ name }}{% if caller is defined %}{{ caller() }}{% endif %}{% endmacro %}',
        '{% for id, name in vlans %}',
        '{{ loop.index }}{% if loop.first %}*{% endif %} {{ vlan(id, name) }}',
        '{% endfor %}',
        '{% for i in range(2) %}{{ i }}{% else %}empty{% endfor %}',
        '{% call vlan(9) %} (called){% endcall %}',
        '{% set total %}{{ vlans | length }}{% endset %}',
        'total {{ total }}{{ lib.desc("x") }}{{ desc("y") }}',
        '{% for k, v in {"a": 1} %}{{ k }}={{ v }}{% endfor %}',
        '',
      ],
      { vlans: [[1, 'users'], [2, 'voice']] },
    );
    expect(text).toBe('1* vlan 101 users\n2 vlan 102 voice\n01vlan 109 none (called)total 2 description x description y\na=1');
  });

  it('does not make other environments strict', async () => {
    const env = new nunjucks.Environment([], { throwOnUndefined: true });
    expect(env.renderString('{% if missing %}x{% endif %}{% for v in none_here %}{{ v }}{% endfor %}ok', {})).toBe('ok');
  });
});
