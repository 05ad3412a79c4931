/**
 * Stands in for Google's sign-in certificates, the one edge tests cannot
 * reach: a loopback server that publishes a real self-signed X.509
 * certificate in Google's `{ kid: pem }` shape, and a signer for ID tokens
 * with the claims `ScriptApp.getIdentityToken()` carries.
 */
import { execFileSync } from 'node:child_process';
import { sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_AUDIENCE = '1234567890-addon.apps.googleusercontent.com';
const KEY_ID = 'test-key-1';

export interface Claims {
  sub?: string;
  email?: string;
  aud?: string;
  iss?: string;
  iat?: number;
  exp?: number;
}

export interface GoogleCerts {
  url: string;
  /** A signed ID token; claims default to a valid token for TEST_AUDIENCE. */
  idToken(claims?: Claims, options?: { alg?: string; privateKey?: string }): string;
  /** A key Google never published, for forged tokens. */
  strangerKey: string;
  close(): Promise<void>;
}

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mailping-certs-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=test-signer',
        '-days',
        '2',
      ].concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startGoogleCerts(): Promise<GoogleCerts> {
  const signer = selfSignedCertificate();
  const stranger = selfSignedCertificate();
  const server: Server = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.setHeader('cache-control', 'public, max-age=3600');
    response.end(JSON.stringify({ [KEY_ID]: signer.cert }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const idToken: GoogleCerts['idToken'] = (claims = {}, options = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const alg = options.alg ?? 'RS256';
    const payload = {
      iss: 'https://accounts.google.com',
      aud: TEST_AUDIENCE,
      sub: '100000000000000000001',
      email: 'sender@example.com',
      iat: now,
      exp: now + 3600,
      ...claims,
    };
    const body = `${b64({ alg, kid: KEY_ID, typ: 'JWT' })}.${b64(payload)}`;
    if (alg === 'none') return `${body}.`;
    const signature = sign('RSA-SHA256', Buffer.from(body), options.privateKey ?? signer.key);
    return `${body}.${signature.toString('base64url')}`;
  };

  return {
    url: `http://127.0.0.1:${port}/oauth2/v1/certs`,
    idToken,
    strangerKey: stranger.key,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
