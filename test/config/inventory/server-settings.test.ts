import { describe, expect, it } from 'vitest';
import { parseListen } from '../../../src/config/inventory/server.js';
import { FILE, parse, problems } from './helpers.js';

const server = (fields: string) => `settings:\n  server:\n${fields}`;

describe('settings.server', () => {
  it('fills every default', () => {
    expect(parse('').settings.server).toEqual({
      listen: { host: '127.0.0.1', port: 8080 },
      token_ttl_s: 900,
      jwt_secret_env: 'CATNET_JWT_SECRET',
      admin_password_env: 'CATNET_ADMIN_PASSWORD',
      body_limit_kb: 1024,
      login_rate: { attempts: 5, window_s: 900 },
      plans_keep: 500,
    });
    expect(parse('').settings.server.metrics_token_env).toBeUndefined();
  });

  it('takes the values given', () => {
    const text = server(`    listen: 0.0.0.0:9443
    token_ttl_s: 3600
    jwt_secret_env: JWT_KEY
    metrics_token_env: METRICS_TOKEN
    admin_password_env: FIRST_ADMIN
    body_limit_kb: 64
    login_rate: { attempts: 3 }
    plans_keep: 20
`);
    expect(parse(text).settings.server).toEqual({
      listen: { host: '0.0.0.0', port: 9443 },
      token_ttl_s: 3600,
      jwt_secret_env: 'JWT_KEY',
      metrics_token_env: 'METRICS_TOKEN',
      admin_password_env: 'FIRST_ADMIN',
      body_limit_kb: 64,
      login_rate: { attempts: 3, window_s: 900 },
      plans_keep: 20,
    });
  });

  it('reads listen as host and port, an IPv6 host in brackets', () => {
    expect(parseListen('[::1]:8080')).toEqual({ host: '::1', port: 8080 });
    expect(parseListen('catnet.example.net:0')).toEqual({ host: 'catnet.example.net', port: 0 });
    expect(parseListen('localhost:65535')).toEqual({ host: 'localhost', port: 65535 });
    expect(parse(server('    listen: "[fd00::5]:443"\n')).settings.server.listen).toEqual({ host: 'fd00::5', port: 443 });
  });

  it('takes a port from the environment', () => {
    expect(parse(server('    listen: ${HOST:-127.0.0.1}:${PORT}\n'), { PORT: '8443' }).settings.server.listen).toEqual({ host: '127.0.0.1', port: 8443 });
  });

  it.each([
    ['localhost', 'expected host:port, like 127.0.0.1:8080 or [::1]:8080'],
    ['"::1:8080"', 'write an IPv6 address in brackets, like [::1]:8080'],
    ['":8080"', 'the host must not be empty (0.0.0.0 listens on every IPv4 address)'],
    ['"[]:8080"', 'the host must not be empty (0.0.0.0 listens on every IPv4 address)'],
    ['localhost:65536', 'the port must be a number from 0 to 65535'],
    ['"localhost:"', 'the port must be a number from 0 to 65535'],
    ['localhost:http', 'the port must be a number from 0 to 65535'],
    ['8080', 'expected string, received number'],
  ])('rejects listen %s', (value, message) => {
    expect(problems(server(`    listen: ${value}\n`))).toEqual([`${FILE}:3: settings.server.listen: ${message}`]);
  });

  it('reports every out-of-range or malformed field at its line', () => {
    const text = server(`    token_ttl_s: 30
    jwt_secret_env: 'hunter2!'
    metrics_token_env: ''
    admin_password_env: 1PASSWORD
    body_limit_kb: 102401
    login_rate:
      attempts: 0
      window_s: 1.5
      burst: 2
    plans_keep: 0
    tls: true
`);
    const envName = 'expected an environment variable name (letters, digits and "_", not starting with a digit)';
    expect(problems(text)).toEqual([
      `${FILE}:3: settings.server.token_ttl_s: must be at least 60`,
      `${FILE}:4: settings.server.jwt_secret_env: ${envName}`,
      `${FILE}:5: settings.server.metrics_token_env: ${envName}`,
      `${FILE}:6: settings.server.admin_password_env: ${envName}`,
      `${FILE}:7: settings.server.body_limit_kb: must be at most 102400`,
      `${FILE}:9: settings.server.login_rate.attempts: must be at least 1`,
      `${FILE}:10: settings.server.login_rate.window_s: expected integer, received number`,
      `${FILE}:11: settings.server.login_rate.burst: unknown field`,
      `${FILE}:12: settings.server.plans_keep: must be at least 1`,
      `${FILE}:13: settings.server.tls: unknown field`,
    ]);
    expect(problems(server('    token_ttl_s: 86401\n'))).toEqual([`${FILE}:3: settings.server.token_ttl_s: must be at most 86400`]);
  });
});
