/**
 * The local preview, as a person uses it: `npm start`'s own script starts the
 * service and the preview (against the suite's emulator), and a real headless
 * Chromium clicks through: create and insert a pixel, send, play recipients'
 * clients, open the sent message, read the timeline. Screenshots go to
 * test/addon/screenshots/, or to SCREENSHOTS_DIR (`npm run screenshots`
 * refreshes the committed ones in addon/screenshots/).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { freePort } from '../../pixel-service/dev/emulator';
import { describeWithBrowser, launchBrowser } from '../support/browser';
import { describeWithFirestore, emulatorHost, newProjectId } from '../support/firestore';

const root = resolve(__dirname, '../..');
const shots = resolve(root, process.env.SCREENSHOTS_DIR ?? 'test/addon/screenshots');
/** True in the page once its last call to the preview has answered. */
const BROWSER_IDLE = "document.body.dataset.busy === 'false'";
const PREVIEW_LINE = /add-on preview\s+(http:\/\/\S+?)\/?\s/;

/** Runs `npm start`'s script and resolves with the preview address it prints. */
function startLocal(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'pixel-service/dev/start.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`npm start did not come up:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = PREVIEW_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

async function click(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).first().click();
  await page.waitForFunction(BROWSER_IDLE);
}

describe('the deployed service', () => {
  it('carries no preview code: the preview is a development process of its own', async () => {
    const probe = await build({
      entryPoints: [join(root, 'pixel-service/src/main.ts')],
      bundle: true,
      platform: 'node',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(probe.metafile.inputs);

    expect(inputs.some((path) => path.startsWith('pixel-service/src/'))).toBe(true);
    expect(inputs.filter((path) => /addon\/|test\/|pixel-service\/dev\//.test(path))).toEqual([]);
  });
});

describeWithFirestore('the local preview', () => {
  describeWithBrowser('in a real browser', () => {
    let local: { child: ChildProcess; url: string };
    let serviceUrl: string;
    let browser: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      const [port, previewPort] = [await freePort(), await freePort()];
      serviceUrl = `http://127.0.0.1:${port}`;
      local = await startLocal({
        PORT: String(port),
        PREVIEW_PORT: String(previewPort),
        FIRESTORE_EMULATOR_HOST: emulatorHost,
        GOOGLE_CLOUD_PROJECT: newProjectId(),
      });
      browser = await launchBrowser();
      page = await browser.newPage();
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
      local?.child.kill('SIGTERM');
    });

    it('shows the compose card beside a draft', async () => {
      await page.goto(local.url);
      const compose = page.locator('#compose-panel');
      await compose.getByText('Insert tracking pixel').waitFor();

      await expect(compose.locator('input[name=label]').inputValue()).resolves.toBe('Offer letter');
      await expect(compose.textContent()).resolves.toContain('To reader@example.org');
      await page.screenshot({ path: join(shots, 'compose.png') });
      await compose.screenshot({ path: join(shots, 'compose-card.png') });
    });

    it('inserts the pixel, and the timeline shows all four kinds of event', async () => {
      await click(page, 'Create tracking pixel');
      await page.locator('#compose-panel').getByText('Tracking pixel ready').waitFor();
      await click(page, 'Insert into message');
      await page.locator('#draft-pixel').waitFor();
      await click(page, 'Send');
      for (const client of ['Apple Mail', 'Security scanner', 'Outlook']) {
        await page.locator(`[data-client="${client}"]`).click();
        await page.waitForFunction(BROWSER_IDLE);
      }
      await click(page, 'Open your sent message');
      await click(page, 'Open timeline');

      const sidebar = page.locator('#sidebar-panel');
      const text = await sidebar.textContent();
      const titles = await sidebar.locator('.decorated .text b').allTextContents();
      expect(titles).toEqual([
        'Link activated',
        'Link inserted',
        'Proxy cache check',
        'Proxy cache check',
        'Email opened',
      ]);
      expect(text).toContain('Apple Mail Privacy Protection fetched the image on delivery.');
      expect(text).toContain('1 of your own views was hidden');
      await expect(page.locator('#log').textContent()).resolves.toMatch(
        /Outlook fetched the pixel/,
      );
      await page.screenshot({ path: join(shots, 'timeline.png'), fullPage: true });
      // The Marketplace listing takes 1280x800 screenshots: the viewport as it is.
      await page.screenshot({ path: join(shots, 'timeline-1280x800.png') });
      await sidebar.screenshot({ path: join(shots, 'timeline-card.png') });
    }, 60_000);

    it('lists, when the page opens, a link minted after the side panel was drawn', async () => {
      await click(page, 'Start over');
      const minted = await fetch(`${serviceUrl}/v1/links`, {
        method: 'POST',
        headers: { authorization: 'Bearer dev', 'content-type': 'application/json' },
        body: JSON.stringify({ label: 'Minted from the command line' }),
      });
      expect(minted.status).toBe(201);
      await page.reload();
      await page.locator('#sidebar-panel').getByText('Minted from the command line').waitFor();
    }, 30_000);
  });
});
