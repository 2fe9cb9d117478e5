import { describe, expect, it } from 'vitest';
import { FILE, parse, problems } from './helpers.js';

const device = (fields: string) => `devices:\n  - name: r1\n${fields}`;

describe('environment substitution', () => {
  it('replaces ${NAME} anywhere in a string value', () => {
    const text = device('    host: ${PREFIX}.1\n    vars: { banner: "site ${SITE} (${PREFIX})" }\n');
    const [r1] = parse(text, { PREFIX: '10.1.0', SITE: 'hq' }).devices;
    expect(r1?.host).toBe('10.1.0.1');
    expect(r1?.vars).toEqual({ banner: 'site hq (10.1.0)' });
  });

  it('uses the default of ${NAME:-default} for an unset or empty variable', () => {
    const text = device('    host: ${HOST:-10.0.0.1}\n    site: ${SITE:-hq}\n    role: ${ROLE:-core}\n');
    expect(parse(text, { SITE: '', ROLE: 'edge' }).devices[0]).toMatchObject({ host: '10.0.0.1', site: 'hq', role: 'edge' });
    expect(parse(device('    host: h\n    site: x${EMPTY:-}y\n')).devices[0]?.site).toBe('xy');
  });

  it('keeps an empty variable without a default', () => {
    expect(parse(device('    host: h\n    site: a${EMPTY}b\n'), { EMPTY: '' }).devices[0]?.site).toBe('ab');
  });

  it('writes $${ as a literal ${', () => {
    const text = device('    host: h\n    vars: { literal: "$${NOT_A_VAR} and $${X:-y}", dollars: "$$5 $V" }\n');
    expect(parse(text).devices[0]?.vars).toEqual({ literal: '${NOT_A_VAR} and ${X:-y}', dollars: '$$5 $V' });
  });

  it('turns a whole-value variable into the number or boolean the field needs', () => {
    const text = `settings:
  concurrency: \${WORKERS}
  deploy:
    save: \${SAVE}
    confirm_timer_min: \${TIMER}
${device('    host: h\n    port: ${SSH_PORT}\n    vars:\n      vlan: ${VLAN}\n')}`;
    const parsed = parse(text, { WORKERS: '8', SAVE: 'false', TIMER: '5', SSH_PORT: '2222', VLAN: '10' });
    expect(parsed.settings.concurrency).toBe(8);
    expect(parsed.settings.deploy).toMatchObject({ save: false, confirm_timer_min: 5 });
    expect(parsed.devices[0]?.port).toBe(2222);
    // vars take any value: a variable stays the string it is.
    expect(parsed.devices[0]?.vars).toEqual({ vlan: '10' });
  });

  it('still rejects a value that is not a number, written or substituted', () => {
    expect(problems(device('    host: h\n    port: abc\n'))).toEqual([`${FILE}:4: devices[0].port: expected number, received string`]);
    expect(problems(device('    host: h\n    port: "22"\n'))).toEqual([`${FILE}:4: devices[0].port: expected number, received string`]);
    expect(problems(device('    host: h\n    port: ${SSH_PORT}\n'), { SSH_PORT: 'ssh' })).toEqual([
      `${FILE}:4: devices[0].port: expected number, received string`,
    ]);
    expect(problems(device('    host: h\n    port: ${SSH_PORT}\n'), { SSH_PORT: '0' })).toEqual([`${FILE}:4: devices[0].port: must be at least 1`]);
  });

  it('reports each missing variable and malformed reference', () => {
    const text = device('    host: ${A}-${B}\n    site: ${not valid}\n    role: ${OPEN\n');
    expect(problems(text)).toEqual([
      `${FILE}:3: devices[0].host: environment variable A is not set`,
      `${FILE}:3: devices[0].host: environment variable B is not set`,
      `${FILE}:4: devices[0].site: invalid variable reference "\${not valid}" (write $\${ for a literal \${)`,
      `${FILE}:5: devices[0].role: invalid variable reference "\${" (write $\${ for a literal \${)`,
    ]);
  });

  it('reads process.env by default', async () => {
    const { parseInventory } = await import('../../../src/config/inventory/index.js');
    process.env.CATNET_TEST_HOST = '192.0.2.7';
    try {
      expect(parseInventory(device('    host: ${CATNET_TEST_HOST}\n'), FILE).devices[0]?.host).toBe('192.0.2.7');
    } finally {
      delete process.env.CATNET_TEST_HOST;
    }
  });
});
