import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { refreshNetworks } from '../../../shared/networks/refresh';

const fixtures = join(__dirname, 'fixtures');
const LAST_MODIFIED = 'Wed, 01 May 2024 06:00:00 GMT';

// A loopback stand-in for the publishers; the refresh never leaves the machine.
function serve(): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/goog.json') {
      response.end(readFileSync(join(fixtures, 'goog.json')));
    } else if (request.url === '/egress.csv') {
      response.setHeader('last-modified', LAST_MODIFIED);
      response.end(readFileSync(join(fixtures, 'apple-egress-sample.csv')));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}` });
    }),
  );
}

describe('refreshNetworks', () => {
  let server: Server;
  let base: string;
  let dir: string;

  beforeEach(async () => {
    ({ server, base } = await serve());
    dir = await mkdtemp(join(tmpdir(), 'mailping-refresh-'));
  });

  afterEach(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const readList = async (file: string) => JSON.parse(await readFile(join(dir, file), 'utf8'));

  it('rewrites the Google and Apple snapshots with their sources and dates', async () => {
    const googleUrl = `${base}/goog.json`;
    const appleUrl = `${base}/egress.csv`;
    await refreshNetworks({ googleUrl, appleUrl, dir, now: 0 });
    const google = await readList('google.json');
    expect(google).toMatchObject({ source: googleUrl, snapshotAt: '2024-04-25T07:05:03.689Z' });
    expect(google.prefixes).toContain('66.249.64.0/19');
    const apple = await readList('apple-relay.json');
    expect(apple).toMatchObject({ source: appleUrl, snapshotAt: '2024-05-01T06:00:00.000Z' });
    expect(apple.prefixes).toContain('172.224.226.32/29');
    expect(apple.prefixes).toHaveLength(9);
  });

  it('fails on an HTTP error and leaves no snapshot behind', async () => {
    const options = { googleUrl: `${base}/goog.json`, appleUrl: `${base}/gone`, dir, now: 0 };
    await expect(refreshNetworks(options)).rejects.toThrow(/HTTP 404/);
    await expect(readFile(join(dir, 'google.json'))).rejects.toThrow();
  });

  it('runs as a command with the URLs overridden', async () => {
    const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
    const cli = join(__dirname, '../../../shared/networks/refresh-cli.ts');
    const args = [cli, '--google-url', `${base}/goog.json`, '--apple-url', `${base}/egress.csv`];
    const { stdout } = await promisify(execFile)(tsx, [...args, '--dir', dir]);
    expect(stdout).toContain('"prefixes":9');
    expect((await readList('apple-relay.json')).network).toBe('apple-relay');
  });
});
