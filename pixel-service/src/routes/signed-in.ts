/**
 * What every API route group asks of a caller: a Google ID token naming the
 * user, then the per-user rate limit (see api-guards.ts). Both come from
 * here so that no route group can take one without the other.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors';
import type { Identity, VerifyIdentity } from '../identity';

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity;
  }
}

/** Identifies the caller of every route in `app`, then counts the call against its limit. */
export function requireSignedIn(app: FastifyInstance, verify: VerifyIdentity): void {
  app.decorateRequest('identity');
  app.addHook('preHandler', async (request) => {
    request.identity = await authenticate(request, verify);
  });
  // After authentication, so the limit counts per user.
  app.addHook('preHandler', app.rateLimit());
}

async function authenticate(request: FastifyRequest, verify: VerifyIdentity): Promise<Identity> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([^\s]{1,4096})$/.exec(header);
  if (!match?.[1]) throw new HttpError(401, 'missing Authorization: Bearer <ID token>');
  try {
    return await verify(match[1]);
  } catch {
    throw new HttpError(401, 'the identity token is invalid, expired or not for this service');
  }
}
