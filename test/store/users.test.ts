import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/store.js';
import { ROLES, UserExistsError, Users, type Role } from '../../src/store/users.js';

let store: Store;
let clock: Date;
let users: Users;
beforeEach(() => {
  store = openStore(':memory:');
  clock = new Date(Date.UTC(2026, 10, 23, 9, 0, 0));
  users = new Users(store.db, () => clock);
});
afterEach(() => store.close());

const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

describe('Users', () => {
  it('adds a user and returns it without the hash; get includes the hash', () => {
    const added = users.add({ name: 'alice', role: 'admin', passwordHash: 'h1' });
    const at = clock.toISOString();
    expect(added).toEqual({ name: 'alice', role: 'admin', createdAt: at, updatedAt: at });
    expect(added).not.toHaveProperty('passwordHash');
    expect(users.get('alice')).toEqual({ ...added, passwordHash: 'h1' });
    expect(users.get('nobody')).toBeUndefined();
  });

  it('refuses a duplicate name with UserExistsError naming the user, leaving the first untouched', () => {
    users.add({ name: 'alice', role: 'admin', passwordHash: 'h1' });
    let caught: unknown;
    try {
      users.add({ name: 'alice', role: 'viewer', passwordHash: 'h2' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserExistsError);
    expect((caught as Error).name).toBe('UserExistsError');
    expect((caught as Error).message).toContain('alice');
    expect(users.get('alice')).toMatchObject({ role: 'admin', passwordHash: 'h1' });
  });

  it('refuses an unknown role on add and on setRole, storing nothing', () => {
    expect(() => users.add({ name: 'eve', role: 'root' as Role, passwordHash: 'h' })).toThrow(/unknown role "root"/);
    expect(() => users.add({ name: 'eve', role: 'root' as Role, passwordHash: 'h' })).not.toThrow(UserExistsError);
    expect(users.get('eve')).toBeUndefined();
    users.add({ name: 'bob', role: 'viewer', passwordHash: 'h' });
    expect(() => users.setRole('bob', 'superuser' as Role)).toThrow(/unknown role/);
    expect(users.get('bob')?.role).toBe('viewer');
  });

  it('knows the last admin, which only stops being it when another admin exists', () => {
    users.add({ name: 'ada', role: 'admin', passwordHash: 'h' });
    users.add({ name: 'vic', role: 'viewer', passwordHash: 'h' });
    expect([users.isLastAdmin('ada'), users.isLastAdmin('vic'), users.isLastAdmin('nobody')]).toEqual([true, false, false]);
    users.add({ name: 'bea', role: 'admin', passwordHash: 'h' });
    expect(users.isLastAdmin('ada')).toBe(false);
  });

  it('accepts every role in ROLES', () => {
    expect(ROLES).toEqual(['admin', 'operator', 'viewer']);
    for (const role of ROLES) expect(users.add({ name: `u-${role}`, role, passwordHash: 'h' }).role).toBe(role);
  });

  it('lists users sorted by name, without hashes', () => {
    for (const name of ['carol', 'alice', 'bob']) users.add({ name, role: 'viewer', passwordHash: `h-${name}` });
    const listed = users.list();
    expect(listed.map((u) => u.name)).toEqual(['alice', 'bob', 'carol']);
    for (const user of listed) expect(user).not.toHaveProperty('passwordHash');
    expect(listed[0]).toEqual({ name: 'alice', role: 'viewer', createdAt: clock.toISOString(), updatedAt: clock.toISOString() });
  });

  it('sets the password and the role, bumping updatedAt only', () => {
    const added = users.add({ name: 'alice', role: 'viewer', passwordHash: 'old' });
    later(5);
    expect(users.setPassword('alice', 'new')).toBe(true);
    expect(users.get('alice')).toEqual({ ...added, passwordHash: 'new', updatedAt: clock.toISOString() });
    later(5);
    expect(users.setRole('alice', 'operator')).toBe(true);
    expect(users.get('alice')).toEqual({ ...added, role: 'operator', passwordHash: 'new', updatedAt: clock.toISOString() });
  });

  it('answers false for an unknown user on setPassword, setRole and remove', () => {
    expect(users.setPassword('ghost', 'h')).toBe(false);
    expect(users.setRole('ghost', 'admin')).toBe(false);
    expect(users.remove('ghost')).toBe(false);
    expect(users.count()).toBe(0);
  });

  it('removes a user, and the name can be added again', () => {
    users.add({ name: 'alice', role: 'admin', passwordHash: 'h' });
    expect(users.remove('alice')).toBe(true);
    expect(users.get('alice')).toBeUndefined();
    expect(users.remove('alice')).toBe(false);
    expect(users.add({ name: 'alice', role: 'viewer', passwordHash: 'h2' }).role).toBe('viewer');
  });

  it('counts all users and users by role', () => {
    expect(users.countByRole('admin')).toBe(0);
    users.add({ name: 'a1', role: 'admin', passwordHash: 'h' });
    users.add({ name: 'a2', role: 'admin', passwordHash: 'h' });
    users.add({ name: 'o1', role: 'operator', passwordHash: 'h' });
    expect(users.count()).toBe(3);
    expect(users.countByRole('admin')).toBe(2);
    expect(users.countByRole('operator')).toBe(1);
    expect(users.countByRole('viewer')).toBe(0);
    users.setRole('a2', 'viewer');
    expect(users.countByRole('admin')).toBe(1);
    expect(users.countByRole('viewer')).toBe(1);
  });

  it('is wired into openStore with the real clock', () => {
    const added = store.users.add({ name: 'x', role: 'viewer', passwordHash: 'h' });
    expect(Date.parse(added.createdAt)).toBeGreaterThan(Date.UTC(2020, 0, 1));
  });
});

describe('Users on a file database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'catnet-users-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps users after close and reopen', () => {
    const first = openStore(dir);
    first.users.add({ name: 'alice', role: 'admin', passwordHash: 'h1' });
    first.users.setPassword('alice', 'h2');
    first.close();
    const again = openStore(dir);
    expect(again.users.get('alice')).toMatchObject({ name: 'alice', role: 'admin', passwordHash: 'h2' });
    expect(() => again.users.add({ name: 'alice', role: 'viewer', passwordHash: 'h' })).toThrow(UserExistsError);
    again.close();
  });
});
