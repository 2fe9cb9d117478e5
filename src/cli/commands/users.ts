// `catnet users add|list|remove|passwd`: the service's users, managed on the machine that holds
// its state (the first admin has to come from somewhere that is not the API).

import { loadInventory } from '../../config/inventory/index.js';
import { checkPasswordPolicy, hashPassword, WeakPasswordError } from '../../server/auth/passwords.js';
import { ROLES, UserExistsError, type Role } from '../../store/users.js';
import { formatTable } from '../table.js';
import { ExitCode, InputError, type ExitCodeValue } from '../exit-codes.js';
import { openCliStore } from './open-store.js';
import { readSecret } from './read-secret.js';

export async function runUsers(configFile: string, action: 'add' | 'list' | 'remove' | 'passwd', args: { name?: string; role?: string; json?: boolean }, print: (text: string) => void): Promise<ExitCodeValue> {
  const inventory = await loadInventory(configFile);
  const store = openCliStore(inventory.settings.paths.state);
  try {
    const users = store.users;
    const name = args.name as string;
    switch (action) {
      case 'list': {
        const list = users.list();
        print(args.json ? `${JSON.stringify(list, null, 2)}\n` : list.length === 0 ? 'No users yet: `catnet users add <name> --role admin`.\n' : formatTable(['USER', 'ROLE', 'CREATED', 'UPDATED'], list.map((u) => [u.name, u.role, u.createdAt, u.updatedAt])));
        return ExitCode.ok;
      }
      case 'add': {
        const role = args.role as Role;
        if (!ROLES.includes(role)) throw new InputError(`--role must be one of ${ROLES.join(', ')}, not "${args.role}"`);
        if (users.get(name)) throw new InputError(`user ${name} exists (change the password with \`catnet users passwd ${name}\`)`);
        const passwordHash = await newPassword(name);
        try {
          users.add({ name, role, passwordHash });
        } catch (error) {
          if (error instanceof UserExistsError) throw new InputError(error.message);
          throw error;
        }
        print(`user ${name} added (${role})\n`);
        return ExitCode.ok;
      }
      case 'passwd': {
        if (!users.get(name)) throw new InputError(`no user ${name}`);
        users.setPassword(name, await newPassword(name));
        print(`password of ${name} changed\n`);
        return ExitCode.ok;
      }
      case 'remove': {
        if (!users.get(name)) throw new InputError(`no user ${name}`);
        if (users.isLastAdmin(name)) throw new InputError(`${name} is the last admin: add another admin first`);
        users.remove(name);
        print(`user ${name} removed\n`);
        return ExitCode.ok;
      }
    }
  } finally {
    store.close();
  }
}

async function newPassword(user: string): Promise<string> {
  const password = await readSecret(`Password for ${user}: `, { confirm: true });
  try {
    checkPasswordPolicy(password, user);
  } catch (error) {
    if (error instanceof WeakPasswordError) throw new InputError(error.message);
    throw error;
  }
  return hashPassword(password);
}
