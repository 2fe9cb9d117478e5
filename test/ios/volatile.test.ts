import { describe, expect, it } from 'vitest';
import { stripVolatileLines } from '../../src/ios/index.js';

const CONFIG = [
  'hostname core-1',
  '!',
  'interface GigabitEthernet0/1',
  ' description uplink',
  ' ip address 10.0.0.1 255.255.255.0',
  '!',
  'end',
  '',
].join('\n');

describe('stripVolatileLines', () => {
  it('drops the show-output header, byte count, timestamps and ntp clock-period', () => {
    const raw = [
      'Building configuration...',
      '',
      'Current configuration : 1234 bytes',
      '!',
      '! Last configuration change at 12:13:14 UTC Mon Nov 23 2026 by admin',
      '! NVRAM config last updated at 12:00:00 UTC Mon Nov 23 2026 by admin',
      'ntp clock-period 17179869',
      CONFIG,
    ].join('\n');
    expect(stripVolatileLines(raw)).toBe(['', '!', CONFIG].join('\n'));
  });

  it('keeps everything else byte for byte, CRLF endings and odd spacing included', () => {
    const text = 'hostname  r1 \r\n!\r\ninterface Gi0/1\r\n  description x\t\r\nend';
    expect(stripVolatileLines(text)).toBe(text);
    expect(stripVolatileLines(`Building configuration...\r\n${text}`)).toBe(text);
  });

  it('only looks at top-level lines', () => {
    const text = 'interface Gi0/1\n Current configuration : 12 bytes\n';
    expect(stripVolatileLines(text)).toBe(text);
  });

  it('never touches a banner text, whichever delimiter it uses', () => {
    const banners = ['banner motd ^C', 'Building configuration of the week', 'ntp clock-period is fun', '^C', 'banner login #', '! Last configuration change at noon', '#'].join('\n');
    expect(stripVolatileLines(`${banners}\nntp clock-period 1\nhostname x\n`)).toBe(`${banners}\nhostname x\n`);
  });

  it('a banner closed on its own line does not swallow what follows', () => {
    expect(stripVolatileLines('banner motd #hi#\nntp clock-period 5\nhostname x\n')).toBe('banner motd #hi#\nhostname x\n');
  });
});
