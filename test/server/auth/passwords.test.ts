import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyDummy, verifyPassword, WeakPasswordError } from '../../../src/server/auth/passwords.js';

describe('password hashing', () => {
  it('round-trips and records its parameters in the stored form', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
  });

  it('rejects a wrong password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('uses a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same password!'), hashPassword('same password!')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('verifies with the parameters stored in the hash, so the cost can change later', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('raise the cost later', salt, 48, { N: 1024, r: 4, p: 2 });
    const stored = `scrypt$1024$4$2$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('raise the cost later', stored)).toBe(true);
    // Same salt and key under other parameters must not verify: the stored ones are really used.
    expect(await verifyPassword('raise the cost later', stored.replace('$4$2$', '$4$1$'))).toBe(false);
  });

  it('returns false, never throws, on malformed stored hashes', async () => {
    const good = await hashPassword('some password 1');
    const [, , , , salt, key] = good.split('$');
    const malformed = [
      '',
      'garbage',
      'bcrypt$16384$8$1$' + salt + '$' + key,
      `scrypt$16384$8$1$${salt}`,
      `scrypt$16384$8$1$${salt}$${key}$extra`,
      `scrypt$1000$8$1$${salt}$${key}`, // N not a power of two
      `scrypt$0$8$1$${salt}$${key}`,
      `scrypt$-16384$8$1$${salt}$${key}`,
      `scrypt$16384$x$1$${salt}$${key}`,
      `scrypt$1073741824$8$1$${salt}$${key}`, // would need ~1 TiB
      `scrypt$16384$8$1$${salt}$not*base64`,
      `scrypt$16384$8$1$${salt}$`,
      `scrypt$16384$8$1$${salt}$AAAA`, // key far too short
    ];
    for (const stored of malformed) {
      await expect(verifyPassword('some password 1', stored), stored).resolves.toBe(false);
    }
  });

  it('verifyDummy always answers false', async () => {
    await expect(verifyDummy('anything at all')).resolves.toBe(false);
  });
});

describe('password policy', () => {
  it('accepts a reasonable password', () => {
    expect(() => checkPasswordPolicy('tr0ub4dor&three', 'alice')).not.toThrow();
  });

  it('refuses short passwords, counting characters not code units', () => {
    expect(() => checkPasswordPolicy('short', 'alice')).toThrow(WeakPasswordError);
    expect(() => checkPasswordPolicy('elevenchars', 'alice')).toThrow(/at least 12 characters/);
    // 6 emoji are 12 UTF-16 units but 6 characters.
    expect(() => checkPasswordPolicy('🔑🔒🔑🔒🔑🔒', 'alice')).toThrow(/got 6/);
  });

  it('refuses one character repeated', () => {
    expect(() => checkPasswordPolicy('aaaaaaaaaaaaaaaa', 'alice')).toThrow(/single character repeated/);
  });

  it('refuses the user name, in any case', () => {
    expect(() => checkPasswordPolicy('administrator', 'administrator')).toThrow(/user name/);
    expect(() => checkPasswordPolicy('Administrator', 'administrator')).toThrow(WeakPasswordError);
  });
});
