// Where intended configs come from: the source in force (settings.source, or a GitHub repository
// connected with `catnet gitops connect` or POST /gitops/connect), each device's intended config
// and where it comes from, and one config, redacted. Connecting checks the repository first and
// reloads the service's source, so that later plans use it.

import { dirname, relative } from 'node:path';
import { z } from 'zod';
import { connectGitops, prepareConnection } from '../../config/gitops-connect.js';
import { removeConnection } from '../../config/gitops-state.js';
import type { Device } from '../../config/inventory/index.js';
import { GitHubSourceError } from '../../config/sources/github.js';
import { IntendedConfigError, resolveAllIntended, resolveIntended } from '../../config/sources/intended.js';
import { redact } from '../../obs/redact.js';
import { route, type AnyRoute } from '../http/api.js';
import { ApiError, notFound } from '../http/errors.js';
import type { Service } from '../service.js';

export const gitopsViewSchema = z.object({
  origin: z.enum(['settings', 'gitops']).describe('settings: settings.source of catnet.config.yaml; gitops: a recorded connection'),
  type: z.enum(['local', 'github']),
  repo: z.string().optional(),
  ref: z.string().optional(),
  path: z.string().optional().describe('local: relative to catnet.config.yaml; github: the folder in the repository'),
  token_env: z.string().optional().describe('the environment variable holding the token (never its value)'),
});

const originSchema = z.object({ kind: z.enum(['file', 'template']), path: z.string(), location: z.string() });

export const configStatusSchema = z.object({ device: z.string(), ok: z.boolean(), origin: originSchema.optional(), error: z.string().optional() });

export const intendedConfigSchema = z.object({ device: z.string(), origin: originSchema, text: z.string().describe('redacted') });

const connectBody = z.strictObject({
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected owner/name'),
  ref: z.string().trim().min(1).max(255).default('main'),
  path: z.string().max(1024).default('configs'),
  token_env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
    .default('GITHUB_TOKEN'),
});

// Which request field a GitHub failure points at; rate limits and the network are not the caller's fault.
const FAULT: Record<GitHubSourceError['kind'], string | undefined> = {
  not_found_repo: 'repo',
  not_found_ref: 'ref',
  not_found_path: 'path',
  auth: 'token_env',
  rate_limited: undefined,
  network: undefined,
};

export function gitopsRoutes(service: Service): AnyRoute[] {
  const view = (): z.infer<typeof gitopsViewSchema> => {
    const { sourceSettings: s, sourceOrigin, inventory } = service.project;
    if (s.type === 'local') return { origin: sourceOrigin, type: 'local', path: relative(dirname(inventory.file), s.path) || '.' };
    return { origin: sourceOrigin, type: 'github', repo: s.repo, ref: s.ref, path: s.path, token_env: s.token_env };
  };
  const findDevice = (name: string): Device => {
    const device = service.inventory().devices.find((d) => d.name === name);
    if (!device) throw notFound(`no device ${name}`);
    return device;
  };
  const viewResponse = { description: 'The source in force.', schema: gitopsViewSchema };
  return [
    route({
      method: 'get',
      path: '/gitops',
      summary: 'The source of intended configs in force.',
      tag: 'gitops',
      role: 'viewer',
      responses: { 200: viewResponse },
      handler: ({ c }) => c.json(view()),
    }),
    route({
      method: 'post',
      path: '/gitops/connect',
      summary: 'Take intended configs from a folder of a GitHub repository at a ref (checked before it is recorded).',
      tag: 'gitops',
      role: 'admin',
      body: connectBody,
      responses: {
        200: viewResponse,
        400: { description: 'Invalid input, or GitHub has no such repository, ref or folder, or refused the token.' },
        503: { description: 'GitHub could not be reached or is rate limiting.' },
      },
      handler: async ({ c, body, caller, log }) => {
        const { inventory } = service.project;
        // The token is sent to GitHub: naming one of CatNet's own secrets would send that instead.
        if (reservedVariables(service).has(body.token_env)) throw fieldError('token_env', `${body.token_env} holds one of CatNet's own secrets, not a GitHub token: name the variable that holds the token`);
        const request = { repo: body.repo, ref: body.ref, path: body.path, tokenEnv: body.token_env };
        let pending;
        try {
          pending = prepareConnection(inventory, request, service.env);
        } catch (error) {
          // GitHubSource refuses a malformed repository name or a folder outside the repository.
          throw fieldError((error as Error).message.includes('folder') ? 'path' : 'repo', (error as Error).message);
        }
        try {
          const { results } = await connectGitops(inventory, pending, service.inventory().devices);
          log.info('gitops', `${caller.name} connected ${pending.source.description}: ${results.filter((r) => r.ok).length} of ${results.length} devices have an intended config there`);
        } catch (error) {
          throw sourceError(error);
        }
        await service.reloadSource();
        return c.json(view());
      },
    }),
    route({
      method: 'post',
      path: '/gitops/disconnect',
      summary: 'Forget the GitHub connection: configs come from settings.source again.',
      tag: 'gitops',
      role: 'admin',
      responses: { 200: viewResponse },
      handler: async ({ c, caller, log }) => {
        if (await removeConnection(service.project.inventory.settings.paths.state)) log.info('gitops', `${caller.name} disconnected the GitHub repository`);
        await service.reloadSource();
        return c.json(view());
      },
    }),
    route({
      method: 'get',
      path: '/gitops/configs',
      summary: "Each device's intended config: where it comes from, or why there is none (no config text).",
      tag: 'gitops',
      role: 'viewer',
      responses: { 200: { description: 'Per device, in inventory order.', schema: z.array(configStatusSchema) }, 503: { description: 'The source cannot be listed.' } },
      handler: async ({ c }) => {
        const results = await resolveAllIntended(service.project.source, service.inventory().devices).catch((error: unknown) => {
          throw sourceError(error);
        });
        return c.json(results.map((r) => (r.ok ? { device: r.device, ok: true, origin: r.value.origin } : { device: r.device, ok: false, error: redact(r.error.message) })));
      },
    }),
    route({
      method: 'get',
      path: '/gitops/configs/:device',
      summary: "One device's intended config, rendered, with secrets masked.",
      tag: 'gitops',
      role: 'viewer',
      params: z.strictObject({ device: z.string().min(1).max(200) }),
      responses: {
        200: { description: 'The config.', schema: intendedConfigSchema },
        404: { description: 'No such device.' },
        422: { description: 'The device exists but its intended config cannot be produced (missing, ambiguous, template error).' },
        503: { description: 'The source cannot be listed.' },
      },
      handler: async ({ c, params }) => {
        const device = findDevice(params.device);
        try {
          const intended = await resolveIntended(service.project.source, device);
          // Intended configs carry secrets (`enable secret`, keys): never returned in plaintext.
          return c.json({ device: intended.device, origin: intended.origin, text: redact(intended.text) });
        } catch (error) {
          // 422, not 400: the request is right, the source's content is what cannot be used.
          if (error instanceof IntendedConfigError) {
            throw new ApiError(422, 'validation_failed', redact(error.message), { device: error.device, location: error.location, line: error.line ?? null });
          }
          throw sourceError(error);
        }
      },
    }),
  ];
}

function fieldError(field: string, message: string): ApiError {
  return new ApiError(400, 'validation_failed', `invalid request body: body.${field}: ${message}`, { fields: [{ field: `body.${field}`, message }] });
}

/** A GitHub failure as the caller can act on it; anything else is not this route's to explain. */
function sourceError(error: unknown): unknown {
  if (!(error instanceof GitHubSourceError)) return error;
  const field = FAULT[error.kind];
  if (field !== undefined) return fieldError(field, redact(error.message));
  return new ApiError(503, 'unavailable', redact(error.message), { kind: error.kind });
}

/** Variables holding CatNet's keys and passwords (every CATNET_* one, and those the settings name). */
function reservedVariables(service: Service): { has(name: string): boolean } {
  const { server } = service.project.inventory.settings;
  const named = new Set([server.jwt_secret_env, server.admin_password_env, ...(server.metrics_token_env ? [server.metrics_token_env] : [])]);
  return { has: (name) => name.startsWith('CATNET_') || named.has(name) };
}
