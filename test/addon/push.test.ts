/**
 * `npm run push` builds first, so without Google credentials it can only
 * fail for want of them, and says so. It runs with an empty home folder, so
 * nobody's real clasp login is read or used.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mailping-home-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function push() {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: home };
  return spawnSync(process.execPath, ['addon/push.mjs'], { cwd: root, env, encoding: 'utf8' });
}

describe('npm run push', () => {
  it('builds the add-on, then stops and says to log in when there are no credentials', () => {
    const result = push();

    expect(result.stdout).toMatch(/push: built .*dist\/addon \(\d+ bytes\)/);
    expect(result.stderr).toContain('no Google credentials for clasp');
    expect(result.stderr).toContain('npx clasp login');
    expect(result.status).toBe(1);
  });

  const unlinked = existsSync(join(root, 'addon/.clasp.json')) ? it.skip : it;
  unlinked('stops and points to the set-up when no script is linked yet', () => {
    writeFileSync(join(home, '.clasprc.json'), '{}');

    const result = push();

    expect(result.stdout).toMatch(/push: built/);
    expect(result.stderr).toContain('no Apps Script project is linked');
    expect(result.status).toBe(1);
  });
});
