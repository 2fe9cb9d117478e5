// The service's users: a name, a role and a password hash (hashed by the caller; the store never
// sees a password). The role decides what the REST API lets a user do.

import type { Db } from './database.js';

export type Role = 'admin' | 'operator' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'operator', 'viewer'];

export interface UserRecord {
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}

/** What the API may show: everything but the hash. */
export type PublicUser = Omit<UserRecord, 'passwordHash'>;

export class UserExistsError extends Error {
  constructor(readonly user: string) {
    super(`user ${user} already exists`);
    this.name = 'UserExistsError';
  }
}

interface UserRow {
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export class Users {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(input: { name: string; role: Role; passwordHash: string }): PublicUser {
    checkRole(input.role);
    const at = this.now().toISOString();
    const user: PublicUser = { name: input.name, role: input.role, createdAt: at, updatedAt: at };
    try {
      this.db
        .prepare('INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(user.name, user.role, input.passwordHash, at, at);
    } catch (error) {
      // The primary key decides, so two processes adding the same name cannot both succeed.
      if (isDuplicateKey(error)) throw new UserExistsError(input.name);
      throw error;
    }
    return user;
  }

  get(name: string): UserRecord | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
    return row && toUser(row);
  }

  /** Sorted by name. */
  list(): PublicUser[] {
    const rows = this.db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[];
    return rows.map((row) => {
      const { passwordHash: _hash, ...user } = toUser(row);
      return user;
    });
  }

  /** False if there is no such user. */
  setPassword(name: string, passwordHash: string): boolean {
    const result = this.db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE name = ?').run(passwordHash, this.now().toISOString(), name);
    return result.changes > 0;
  }

  /** False if there is no such user. */
  setRole(name: string, role: Role): boolean {
    checkRole(role);
    const result = this.db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE name = ?').run(role, this.now().toISOString(), name);
    return result.changes > 0;
  }

  remove(name: string): boolean {
    return this.db.prepare('DELETE FROM users WHERE name = ?').run(name).changes > 0;
  }

  /** Whether `name` is the only admin: removing or demoting it would lock everyone out. */
  isLastAdmin(name: string): boolean {
    return this.get(name)?.role === 'admin' && this.countByRole('admin') === 1;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  /** For "never remove or demote the last admin". */
  countByRole(role: Role): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users WHERE role = ?').get(role) as { n: number }).n;
  }
}

/** The type does not protect callers passing JSON from a request: the DB must never hold an unknown role. */
function checkRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new Error(`unknown role ${JSON.stringify(role)}: expected one of ${ROLES.join(', ')}`);
}

function toUser(row: UserRow): UserRecord {
  return { name: row.name, role: row.role as Role, passwordHash: row.password_hash, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** better-sqlite3's SqliteError for a primary key or unique constraint. */
export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
