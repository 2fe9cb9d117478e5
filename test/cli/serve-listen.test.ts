import { describe, expect, it } from 'vitest';
import { parseListen } from '../../src/cli/commands/serve.js';

describe('catnet serve --listen', () => {
  it('reads host:port and [v6]:port as the settings do, and a bare port on 127.0.0.1', () => {
    expect(parseListen('0.0.0.0:8080')).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(parseListen('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
    expect(parseListen('8081')).toEqual({ host: '127.0.0.1', port: 8081 });
  });

  it('says what is wrong, as a bad-input error', () => {
    expect(() => parseListen('::1:80')).toThrow(/--listen "::1:80": write an IPv6 address in brackets/);
    expect(() => parseListen('host:99999')).toThrow(expect.objectContaining({ name: 'InputError', message: expect.stringMatching(/the port must be a number from 0 to 65535/) }));
  });
});
