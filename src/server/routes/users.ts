// Users, for admins: list, add (the password policy applies), change role or password, remove.
// The last admin can be neither removed nor demoted: the service would lock itself out.

import { z } from 'zod';
import { checkPasswordPolicy, hashPassword, WeakPasswordError } from '../auth/passwords.js';
import { route, type AnyRoute } from '../http/api.js';
import { ApiError, conflict, notFound } from '../http/errors.js';
import type { Service } from '../service.js';
import { UserExistsError } from '../../store/users.js';
import { roleSchema } from './schemas.js';

const userName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'letters, digits, ".", "_", "@" or "-", up to 64, starting with a letter or digit');
const publicUser = z.object({ name: z.string(), role: roleSchema, created_at: z.string(), updated_at: z.string() });
const nameParam = z.strictObject({ name: userName });

export function usersRoutes(service: Service): AnyRoute[] {
  const users = service.store.users;
  const view = (u: { name: string; role: z.infer<typeof roleSchema>; createdAt: string; updatedAt: string }) => ({ name: u.name, role: u.role, created_at: u.createdAt, updated_at: u.updatedAt });
  return [
    route({
      method: 'get',
      path: '/users',
      summary: 'List users.',
      tag: 'users',
      role: 'admin',
      responses: { 200: { description: 'Users, by name.', schema: z.array(publicUser) } },
      handler: ({ c }) => c.json(users.list().map(view)),
    }),
    route({
      method: 'post',
      path: '/users',
      summary: 'Add a user.',
      tag: 'users',
      role: 'admin',
      body: z.strictObject({ name: userName, role: roleSchema, password: z.string().max(1024) }),
      responses: { 201: { description: 'Added.', schema: publicUser }, 409: { description: 'A user of that name exists.' } },
      handler: async ({ c, body }) => {
        policy(body.password, body.name);
        try {
          return c.json(view(users.add({ name: body.name, role: body.role, passwordHash: await hashPassword(body.password) })), 201);
        } catch (error) {
          if (error instanceof UserExistsError) throw conflict(`user ${body.name} exists`);
          throw error;
        }
      },
    }),
    route({
      method: 'put',
      path: '/users/:name',
      summary: 'Change a user’s role or password.',
      tag: 'users',
      role: 'admin',
      params: nameParam,
      body: z.strictObject({ role: roleSchema.optional(), password: z.string().max(1024).optional() }).refine((b) => b.role !== undefined || b.password !== undefined, 'give a role, a password or both'),
      responses: { 200: { description: 'Changed.', schema: publicUser }, 404: { description: 'No such user.' }, 409: { description: 'It would demote the last admin.' } },
      handler: async ({ c, params, body }) => {
        if (!users.get(params.name)) throw notFound(`no user ${params.name}`);
        if (body.role !== undefined && body.role !== 'admin' && users.isLastAdmin(params.name)) throw conflict(`${params.name} is the last admin: add another admin first`);
        if (body.password !== undefined) {
          policy(body.password, params.name);
          users.setPassword(params.name, await hashPassword(body.password));
        }
        if (body.role !== undefined) users.setRole(params.name, body.role);
        return c.json(view(users.get(params.name) as NonNullable<ReturnType<typeof users.get>>));
      },
    }),
    route({
      method: 'delete',
      path: '/users/:name',
      summary: 'Remove a user (their tokens stop working at once).',
      tag: 'users',
      role: 'admin',
      params: nameParam,
      responses: { 204: { description: 'Removed.' }, 404: { description: 'No such user.' }, 409: { description: 'The last admin.' } },
      handler: ({ c, params }) => {
        if (users.isLastAdmin(params.name)) throw conflict(`${params.name} is the last admin: add another admin first`);
        if (!users.remove(params.name)) throw notFound(`no user ${params.name}`);
        return c.body(null, 204);
      },
    }),
  ];
}

function policy(password: string, user: string): void {
  try {
    checkPasswordPolicy(password, user);
  } catch (error) {
    if (error instanceof WeakPasswordError) throw new ApiError(400, 'validation_failed', error.message, { fields: [{ field: 'body.password', message: error.message }] });
    throw error;
  }
}
