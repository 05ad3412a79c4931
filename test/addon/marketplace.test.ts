import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const GOOGLE_SCOPE = 'https://www.googleapis.com/auth/';

/** The scope names of the README's table under `## Scopes`, in order. */
function documentedScopes(): string[] {
  const readme = readFileSync(join(ROOT, 'addon/README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Scopes')) ?? '';
  return [...section.matchAll(/^\| `([^`]+)` +\| +\S.*\|$/gm)].map((match) => match[1] ?? '');
}

describe('Marketplace readiness', () => {
  it('justifies exactly the scopes the manifest asks for', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));
    const asked = (manifest.oauthScopes as string[]).map((s) => s.replace(GOOGLE_SCOPE, ''));

    expect(documentedScopes()).toEqual(asked);
  });

  it('gives every scope a justification of its own', () => {
    const readme = readFileSync(join(ROOT, 'addon/README.md'), 'utf8');
    const reasons = documentedScopes().map((scope) => {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${scope}\``)) ?? '';
      return row.split('|')[2]?.trim() ?? '';
    });

    expect(reasons.every((reason) => reason.length > 20)).toBe(true);
    expect(new Set(reasons).size).toBe(reasons.length);
  });
});
