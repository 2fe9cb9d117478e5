import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFileError } from '../../src/config/yaml-file.js';
import { generatedConfig, generatedDevices, readLabFile } from '../../src/lab/runner/lab-file.js';
import { generateLabCredentials } from '../../src/lab/runner/lab-credentials.js';

function labDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catnet-labfile-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('lab file', () => {
  it('reads config files relative to the lab file and generates the others', async () => {
    const dir = labDir({
      'lab.yaml': [
        'basePort: 12000',
        'hostKeyDir: keys',
        'generate: { lines: 400, seed: 3 }',
        'devices:',
        '  - name: core-1',
        '    config: core-1.cfg',
        '    faults:',
        '      stallOn: "^show run"',
        '  - name: edge-1',
        '    legacyAlgorithms: true',
      ].join('\n'),
      'core-1.cfg': 'hostname core-1\n!\nend\n',
    });
    const lab = await readLabFile(join(dir, 'lab.yaml'));
    expect(lab.basePort).toBe(12000);
    expect(lab.telnet).toBe(true);
    expect(lab.hostKeyDir).toBe(join(dir, 'keys'));
    expect(lab.devices.map((d) => d.name)).toEqual(['core-1', 'edge-1']);
    expect(lab.devices[0]?.config).toBe('hostname core-1\n!\nend\n');
    expect(lab.devices[0]?.faults).toEqual({ stallOn: '^show run' });
    expect(lab.devices[1]?.legacyAlgorithms).toBe(true);
    expect(lab.devices[1]?.config).toBe(generatedConfig('edge-1', 400, 3));
  });

  it('lists every mistake with its line and field', async () => {
    const dir = labDir({
      'lab.yaml': [
        'devices:',
        '  - name: r1',
        '    faults:',
        '      stalOn: show',
        '  - name: r2',
        '    config: r2.cfg',
        '    generate: { lines: 500 }',
        '  - name: r3',
        '    faults:',
        '      rejectConfigLines: "(unclosed"',
      ].join('\n'),
    });
    const error = await readLabFile(join(dir, 'lab.yaml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigFileError);
    const message = (error as Error).message;
    expect(message).toMatch(/lab\.yaml:4: devices\[0\]\.faults\.stalOn: unknown field/);
    expect(message).toMatch(/lab\.yaml:5: devices\[1\]: give either config or generate/);
    expect(message).toMatch(/lab\.yaml:10: devices\[2\]\.faults\.rejectConfigLines: not a valid regular expression/);
  });

  it('names a missing config file', async () => {
    const dir = labDir({ 'lab.yaml': 'devices:\n  - name: r1\n    config: nope.cfg\n' });
    await expect(readLabFile(join(dir, 'lab.yaml'))).rejects.toThrow(/devices\[0\]\.config: cannot read nope\.cfg: no such file/);
  });

  it('refuses duplicate device names', async () => {
    const dir = labDir({ 'lab.yaml': 'devices:\n  - name: r1\n  - name: r1\n' });
    await expect(readLabFile(join(dir, 'lab.yaml'))).rejects.toThrow(/devices: device names must be unique/);
  });
});

describe('generated devices', () => {
  it('gives each device its own stable config of about the asked size', () => {
    const [a, b] = generatedDevices(2, 600);
    expect(a?.name).toBe('r1');
    expect(a?.config).toContain('hostname r1');
    expect(b?.config).toContain('hostname r2');
    expect(generatedDevices(1, 600)[0]?.config).toBe(a?.config);
    expect(Math.abs((a?.config.split('\n').length ?? 0) - 600)).toBeLessThan(60);
  });
});

describe('lab credentials', () => {
  it('are made up anew for every lab run', () => {
    const a = generateLabCredentials();
    const b = generateLabCredentials();
    expect(a.password).not.toBe(b.password);
    expect(a.enableSecret).not.toBe(b.enableSecret);
    expect(a.password).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
