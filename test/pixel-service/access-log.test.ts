import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { ACCESS_MESSAGE } from '../../pixel-service/src/access-log';
import { buildApp } from '../../pixel-service/src/app';
import { devIdentity } from '../../pixel-service/src/identity';
import { signToken } from '../../pixel-service/src/token';
import { describeWithFirestore, newProjectId, testStore } from '../support/firestore';
import { GMAIL_PROXY_UA } from '../support/fixtures';
import { testConfig } from '../support/service';

const TRACE_ID = '105445aa7843bc8bf206b12000100000';
const CLIENT_IP = '66.249.84.77';

describeWithFirestore('request log lines', () => {
  const projectId = newProjectId();
  const config = testConfig({ projectId, logLevel: 'info' });
  const token = signToken(config.tokenKeys, 'AAAAAAAAAAAAAAAAAAAAAA');
  const lines: Record<string, unknown>[] = [];
  let app: FastifyInstance;

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          lines.push(JSON.parse(line));
        }
        done();
      },
    });
    app = await buildApp(config, {
      store: testStore(projectId),
      verifyIdentity: devIdentity(),
      logStream,
    });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    lines.length = 0;
  });

  const traced = { 'x-cloud-trace-context': `${TRACE_ID}/1;o=1` };
  const trace = `projects/${projectId}/traces/${TRACE_ID}`;

  it('write one line per pixel request, with its trace and without its token', async () => {
    const response = await app.inject({
      url: `/p/${token}.gif`,
      headers: { ...traced, 'user-agent': GMAIL_PROXY_UA, 'x-forwarded-for': CLIENT_IP },
    });
    expect(response.statusCode).toBe(200);
    const done = lines.filter((line) => line.message === ACCESS_MESSAGE);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({
      severity: 'INFO',
      reqId: expect.any(String),
      'logging.googleapis.com/trace': trace,
      httpRequest: { requestMethod: 'GET', requestUrl: '/p/*', status: 200 },
    });
    const written = JSON.stringify(lines);
    expect(written).not.toContain(token);
    expect(written).not.toContain(CLIENT_IP);
  });

  it('put the trace on every line of a request, not only the last', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/links',
      headers: { ...traced, authorization: 'Bearer dev:alice' },
      payload: { label: 42 },
    });
    expect(response.statusCode).toBe(400);
    const refused = lines.find((line) => line.message === 'request refused');
    expect(refused).toMatchObject({ 'logging.googleapis.com/trace': trace, status: 400 });
    const done = lines.find((line) => line.message === ACCESS_MESSAGE);
    expect(done?.reqId).toBe(refused?.reqId);
  });

  it('write the line for a URL the router cannot decode, without the URL', async () => {
    const urls = [`/p/${token}%zz.gif`, `/o/${token}%zz`];
    for (const url of urls) await app.inject({ url, headers: traced });
    const done = lines.filter((line) => line.message === ACCESS_MESSAGE);
    expect(done.map((line) => line.httpRequest)).toEqual([
      expect.objectContaining({ requestUrl: 'unmatched', status: 200 }),
      expect.objectContaining({ requestUrl: 'unmatched', status: 400 }),
    ]);
    expect(done[0]).toHaveProperty(['logging.googleapis.com/trace'], trace);
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it('leave the trace out when the header is missing or malformed', async () => {
    await app.inject({ url: `/p/${token}.gif`, headers: { 'x-cloud-trace-context': 'junk' } });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toHaveProperty(['logging.googleapis.com/trace']);
  });
});
