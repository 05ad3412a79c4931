/**
 * The built bundle is what Apps Script runs: these tests build it, load it as
 * Apps Script would (one plain script, no modules, no Node), and check that
 * every function the manifest and the cards name is a top-level function.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { ActionName } from '../../addon/action-names';
import { installAppsScript } from './fakes/apps-script';
import { tree } from './fakes/card-service';
import { visibleText } from './fakes/card-tree';
import { FakeService, SERVICE_URL } from './fakes/fake-service';
import { homepageEvent } from './fakes/harness';

const root = resolve(__dirname, '../..');
let outdir: string;
let code: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'mailping-addon-'));
  execFileSync(process.execPath, ['addon/build.mjs', '--outdir', outdir], {
    cwd: root,
    env: { ...process.env, MAILPING_SERVICE_URL: 'https://pixel.example.net/' },
  });
  code = readFileSync(join(outdir, 'Code.js'), 'utf8');
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Every function name the manifest hands to Apps Script. */
function manifestFunctions(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(manifestFunctions);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    (key === 'runFunction' || key === 'onTriggerFunction') && typeof value === 'string'
      ? [value]
      : manifestFunctions(value),
  );
}

function loadBundle(globals: Record<string, unknown> = {}): Record<string, unknown> {
  const context = createContext({ ...globals });
  runInContext(code, context, { filename: 'Code.js' });
  return context as Record<string, unknown>;
}

describe('the built bundle', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));

  it('names a homepage, compose, contextual and universal function in the manifest', () => {
    expect(manifestFunctions(manifest).sort()).toEqual([
      'onComposeTrigger',
      'onHomepage',
      'onMessageOpen',
      'onSettings',
    ]);
  });

  it.each(manifestFunctions(manifest))('has %s as a top-level function', (name) => {
    expect(typeof loadBundle()[name]).toBe('function');
  });

  it.each(Object.values(ActionName))('has the card action %s as a top-level function', (name) => {
    expect(typeof loadBundle()[name]).toBe('function');
  });

  it('stays small and carries no schema library or Node module', () => {
    expect(code.length).toBeLessThan(60_000);
    expect(code).not.toMatch(/typebox|require\(|process\.env/i);
  });

  it('draws the homepage on its own, with only Apps Script globals', () => {
    const service = new FakeService();
    const apps = installAppsScript({
      transport: service.transport,
      scriptProperties: { SERVICE_URL },
    });
    try {
      const bundle = loadBundle(apps.services);
      const onHomepage = bundle.onHomepage as (e: unknown) => unknown;
      expect(visibleText(tree(onHomepage(homepageEvent())))).toMatch(/No tracked messages yet/);
    } finally {
      apps.restore();
    }
  });

  it('puts the configured service address into the manifest’s allow-lists', () => {
    const built = JSON.parse(readFileSync(join(outdir, 'appsscript.json'), 'utf8'));

    expect(built.urlFetchWhitelist).toEqual(['https://pixel.example.net/']);
    expect(built.addOns.common.openLinkUrlPrefixes).toEqual(['https://pixel.example.net/']);
    expect(built.oauthScopes).toEqual(manifest.oauthScopes);
  });
});

describe('the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));

  it('asks for only the scopes the features need, none of them restricted', () => {
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/gmail.addons.execute',
      'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
      'https://www.googleapis.com/auth/gmail.addons.current.message.metadata',
      'https://www.googleapis.com/auth/gmail.addons.current.message.readonly',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/script.locale',
      'https://www.googleapis.com/auth/userinfo.email',
      'openid',
    ]);
  });

  it('runs on V8 with one compose action that sees the recipients', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.addOns.gmail.composeTrigger).toEqual({
      selectActions: [{ text: 'Insert tracking pixel', runFunction: 'onComposeTrigger' }],
      draftAccess: 'METADATA',
    });
    expect(manifest.addOns.common.universalActions).toEqual([
      { label: 'Settings', runFunction: 'onSettings' },
    ]);
  });
});
