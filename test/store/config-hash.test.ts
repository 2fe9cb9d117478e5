import { describe, expect, it } from 'vitest';
import { configHash } from '../../src/store/config-hash.js';

const CONFIG = 'hostname core-1\n!\ninterface GigabitEthernet0/1\n description uplink\n no shutdown\n!\nend\n';

describe('configHash', () => {
  it('is a sha256 hex digest', () => {
    expect(configHash(CONFIG)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores volatile lines, the separators they leave and line endings', () => {
    const noisy = [
      'Building configuration...',
      'Current configuration : 999 bytes',
      '! Last configuration change at 12:13:14 UTC Mon Nov 23 2026',
      'ntp clock-period 17179869',
      'hostname core-1',
      '!',
      'interface GigabitEthernet0/1',
      ' description uplink',
      ' no shutdown',
      '!',
      'end',
    ].join('\r\n');
    expect(configHash(noisy)).toBe(configHash(CONFIG));
  });

  it('trims blank and bare `!` lines at the top and the end only', () => {
    const trimmed = 'hostname a\n!\nend';
    for (const text of ['!\n\nhostname a\n!\nend', 'hostname a\n!\nend\n', 'hostname a\n!\nend\n!\n\n!', '\n\nhostname a\n!\nend\n\n']) expect(configHash(text)).toBe(configHash(trimmed));
    expect(configHash('hostname a\n\n!\nend')).not.toBe(configHash(trimmed));
    expect(configHash('hostname a\n!\nend!')).not.toBe(configHash(trimmed));
    expect(configHash('!\n')).toBe(configHash(''));
  });

  it('changes with the configuration', () => {
    expect(configHash(CONFIG.replace('uplink', 'downlink'))).not.toBe(configHash(CONFIG));
    expect(configHash(`${CONFIG.replace('end\n', '')}ip domain-name example.net\n`)).not.toBe(configHash(CONFIG));
  });

  it('keeps spacing: texts of one origin print it the same way every time', () => {
    expect(configHash(CONFIG.replace('hostname core-1', 'hostname  core-1'))).not.toBe(configHash(CONFIG));
  });

  it('is the device text, not its meaning: it compares fetches of one device, which IOS prints the same way', () => {
    expect(configHash(CONFIG.replace('interface GigabitEthernet0/1', 'int Gi0/1'))).not.toBe(configHash(CONFIG));
  });
});
