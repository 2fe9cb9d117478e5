import { describe, expect, it } from 'vitest';
import { redactForOutput, redactValue } from '../../src/obs/redact-value.js';

describe('redactForOutput', () => {
  it('masks secrets inside strings and keeps the JSON valid (redacting JSON text would eat the closing quote)', () => {
    const plan = { devices: [{ commands: [{ text: 'username bob privilege 15 password 0 Sup3rSecretPw!', path: [] }] }] };
    const json = JSON.stringify(redactForOutput(plan), null, 2);
    const parsed = JSON.parse(json) as typeof plan;
    expect(parsed.devices[0]?.commands[0]?.text).toMatch(/^username bob privilege 15 password 0 \*+$/);
    expect(json).not.toContain('Sup3rSecretPw');
  });

  it('never cuts a deep output, unlike log details', () => {
    let deep: unknown = 'enable secret 0 Deep-Secret-1';
    for (let i = 0; i < 12; i++) deep = { next: deep };
    expect(JSON.stringify(redactForOutput(deep))).toMatch(/enable secret 0 \*+/);
    expect(JSON.stringify(redactValue(deep))).toContain('[Truncated]');
  });
});
