/**
 * Who is calling the API. The add-on sends the Google ID token that
 * `ScriptApp.getIdentityToken()` gives it; users are keyed by its `sub`.
 */
import { OAuth2Client } from 'google-auth-library';

export interface Identity {
  sub: string;
  email?: string;
}

/** Resolves to the caller's identity, or rejects when the token is not acceptable. */
export type VerifyIdentity = (bearer: string) => Promise<Identity>;

const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];

/**
 * Verifies Google ID tokens: signature against Google's (cached) certificates,
 * issuer, expiry, and an audience equal to one of the add-on's client ids.
 * `certsUrl` exists so tests can serve their own certificates on loopback.
 */
export function googleIdentity(options: {
  audiences: string[];
  certsUrl?: string;
}): VerifyIdentity {
  const client = new OAuth2Client({
    issuers: GOOGLE_ISSUERS,
    ...(options.certsUrl
      ? { endpoints: { oauth2FederatedSignonPemCertsUrl: options.certsUrl } }
      : {}),
  });
  return async (bearer) => {
    if (options.audiences.length === 0) throw new Error('no OAuth client id configured');
    const ticket = await client.verifyIdToken({ idToken: bearer, audience: options.audiences });
    const payload = ticket.getPayload();
    if (!payload?.sub) throw new Error('token has no subject');
    return { sub: payload.sub, ...(payload.email ? { email: payload.email } : {}) };
  };
}

const DEV_TOKEN = /^dev(?::([a-z0-9-]{1,32}))?$/;

/**
 * The development identity: `Bearer dev` or `Bearer dev:alice` is a user of
 * that name. Configuration refuses it on Cloud Run and on non-loopback hosts.
 */
export function devIdentity(google?: VerifyIdentity): VerifyIdentity {
  return async (bearer) => {
    const match = DEV_TOKEN.exec(bearer);
    if (match) {
      const name = match[1] ?? 'developer';
      return { sub: `dev:${name}`, email: `${name}@example.com` };
    }
    if (google) return google(bearer);
    throw new Error('not a development token');
  };
}
