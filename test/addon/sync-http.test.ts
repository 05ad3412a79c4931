/**
 * The synchronous HTTP transport lets handlers run against a real server, as
 * an end-to-end test needs. The server here lives in a worker thread: this
 * thread blocks while a request is out, exactly as Apps Script does.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { onHomepage } from '../../addon/main';
import { installAppsScript } from './fakes/apps-script';
import { tree } from './fakes/card-service';
import { visibleText, widgets } from './fakes/card-tree';
import { homepageEvent } from './fakes/harness';
import { syncHttpTransport } from './fakes/sync-http';
import { createUrlFetchApp } from './fakes/url-fetch-app';

// A tiny service: one list of links for the right token, 401 otherwise.
const SERVER = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
const seen = [];
const server = http.createServer((req, res) => {
  seen.push({ method: req.method, url: req.url, auth: req.headers.authorization,
    agent: req.headers['user-agent'] });
  parentPort.postMessage({ seen });
  if (req.url.startsWith('/p/')) {
    res.writeHead(200, { 'Content-Type': 'image/gif' });
    return res.end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
  }
  if (req.headers.authorization !== 'Bearer real-token') {
    res.writeHead(401, { 'Content-Type': 'application/json' });
    return res.end(JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: 'no' }));
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ nextCursor: null, links: [{
    id: 'a'.repeat(22), label: 'Over the wire', recipients: ['ada@example.org'],
    createdAt: '2025-03-01T09:00:00.000Z', pixelUrl: 'x', last: null, opens: 0 }] }));
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
`;

let worker: Worker;
let base: string;
let seen: { method: string; url: string; auth?: string; agent?: string }[] = [];

beforeAll(async () => {
  worker = new Worker(SERVER, { eval: true });
  const [ready] = (await once(worker, 'message')) as [{ port: number }];
  base = `http://127.0.0.1:${ready.port}`;
  worker.on('message', (message: { seen?: typeof seen }) => {
    if (message.seen) seen = message.seen;
  });
});
afterAll(() => worker.terminate());

async function settled() {
  await new Promise((done) => setTimeout(done, 50));
}

describe('synchronous HTTP transport', () => {
  it('fetches from a loopback server synchronously, like UrlFetchApp', async () => {
    const urlFetch = createUrlFetchApp(syncHttpTransport());

    const response = urlFetch.fetch(`${base}/p/pixel.gif`);

    expect(response.getResponseCode()).toBe(200);
    expect(response.getHeaders()['content-type']).toBe('image/gif');
    await settled();
    expect(seen.at(-1)?.agent).toMatch(/Google-Apps-Script/);
  });

  it('throws on an error status unless exceptions are muted', () => {
    const urlFetch = createUrlFetchApp(syncHttpTransport());

    expect(() => urlFetch.fetch(`${base}/v1/links`)).toThrow(/returned code 401/);
    expect(urlFetch.fetch(`${base}/v1/links`, { muteHttpExceptions: true }).getResponseCode()).toBe(
      401,
    );
  });

  it('throws when nothing listens, as UrlFetchApp does', () => {
    const urlFetch = createUrlFetchApp(syncHttpTransport());

    expect(() => urlFetch.fetch('http://127.0.0.1:9/')).toThrow(/Address unavailable/);
  });

  it('runs a card handler against the real server', async () => {
    const apps = installAppsScript({
      transport: syncHttpTransport(),
      scriptProperties: { SERVICE_URL: base },
      identityToken: 'real-token',
    });
    try {
      const card = tree(onHomepage(homepageEvent()));

      expect(widgets(card, 'decoratedText')[0]?.text).toBe('<b>Over the wire</b>');
      expect(visibleText(card)).toContain('ada@example.org');
      await settled();
      expect(seen.at(-1)).toMatchObject({ method: 'GET', auth: 'Bearer real-token' });
    } finally {
      apps.restore();
    }
  });
});
