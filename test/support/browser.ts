/**
 * A real headless Chromium for page tests: Debian's package, driven by
 * playwright-core. Where it is missing, page tests are skipped and
 * global-setup says so loudly; they are never run against anything else.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM, hasChromium } from './chromium';

/** `describe` when Chromium is installed, `describe.skip` (announced by global-setup) when not. */
export const describeWithBrowser = hasChromium ? describe : describe.skip;

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A fresh browser profile each time, so no state leaks between runs. */
export function launchBrowser(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'mailping-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  });
}
