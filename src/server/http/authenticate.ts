// Who is calling: the bearer token is checked (signature, expiry), then the user is looked up
// in the store on every request, so a removed user or a changed role takes effect at once
// rather than when the token expires.

import type { Context } from 'hono';
import { TokenError, verifyToken } from '../auth/tokens.js';
import type { Role } from '../../store/users.js';
import type { Service } from '../service.js';
import type { AppEnv, Authenticate, Caller, MinRole } from './api.js';
import { ApiError } from './errors.js';

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="catnet"' };

export function authenticator(service: Pick<Service, 'signingKey' | 'store'>): Authenticate {
  return async (c: Context<AppEnv>, role: MinRole): Promise<Caller | undefined> => {
    if (role === 'public') return undefined;
    const token = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw new ApiError(401, 'unauthorized', 'a bearer token is required: get one from POST /api/v1/auth/login', undefined, CHALLENGE);
    let subject: string;
    try {
      subject = (await verifyToken(service.signingKey, token)).sub;
    } catch (error) {
      if (error instanceof TokenError && error.reason === 'expired') throw new ApiError(401, 'token_expired', 'the token has expired: log in again', undefined, CHALLENGE);
      throw new ApiError(401, 'unauthorized', 'the token is not valid', undefined, CHALLENGE);
    }
    const user = service.store.users.get(subject);
    if (!user) throw new ApiError(401, 'unauthorized', 'the token’s user no longer exists', undefined, CHALLENGE);
    if (RANK[user.role] < RANK[role]) throw new ApiError(403, 'forbidden', `${user.name} has role ${user.role}; this needs ${role}${role === 'admin' ? '' : ' or higher'}`);
    return { name: user.name, role: user.role };
  };
}
