/**
 * Hostile input: generated with fast-check, plus named cases sent as raw
 * bytes over loopback. The pixel only ever answers the GIF, the API answers
 * a 4xx naming the problem, nothing answers 5xx and the process keeps going.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../pixel-service/src/app';
import { PIXEL_GIF } from '../../pixel-service/src/gif';
import { devIdentity } from '../../pixel-service/src/identity';
import { signToken } from '../../pixel-service/src/token';
import { describeWithFirestore, newProjectId, rawFirestore, testStore } from '../support/firestore';
import { ALICE } from '../support/fixtures';
import { testConfig } from '../support/service';

const LINK_ID = 'hostileAAAAAAAAAAAAAAA';
const RUNS = 150;

const address = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.ipV4Extended(),
  fc.ipV4().map((ip) => `::ffff:${ip}`),
  fc.string({ maxLength: 60 }),
);
const headerText = fc.string({ unit: 'grapheme', maxLength: 300 });

describeWithFirestore('hostile input', () => {
  const projectId = newProjectId();
  const config = testConfig({ projectId, apiRatePerMinute: 100_000 });
  const token = signToken(config.tokenKeys, LINK_ID);
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    app = await buildApp(config, { store: testStore(projectId), verifyIdentity: devIdentity() });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const bound = app.server.address();
    port = typeof bound === 'object' && bound ? bound.port : 0;
  });
  afterAll(() => app.close());

  const expectGif = (response: { statusCode: number; rawPayload: Buffer }) => {
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(PIXEL_GIF)).toBe(true);
  };

  describe('the pixel', () => {
    const token$ = fc.oneof(
      fc.constant(token),
      fc.string({ maxLength: 300 }),
      fc.nat({ max: token.length }).map((n) => token.slice(0, n)),
      fc.string({ unit: 'binary', maxLength: 80 }).map((tail) => token + tail),
      fc.string({ maxLength: 9000 }),
    );

    it('answers any token, path and headers with the GIF', async () => {
      await fc.assert(
        fc.asyncProperty(
          token$,
          headerText,
          fc.array(address, { maxLength: 300 }),
          async (t, userAgent, forwarded) => {
            const response = await app.inject({
              url: `/p/${encodeURIComponent(t)}.gif`,
              headers: { 'user-agent': userAgent, 'x-forwarded-for': forwarded.join(', ') },
            });
            expectGif(response);
          },
        ),
        { numRuns: RUNS },
      );
    }, 120_000);

    it('stores a genuine fetch whatever its addresses, keeping no full address', async () => {
      const stored = async () =>
        (await rawFirestore(projectId).collection(`links/${LINK_ID}/fetches`).get()).size;
      const before = await stored();
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(address, { minLength: 1, maxLength: 300 }), async (list) => {
          sent += 1;
          const response = await app.inject({
            url: `/p/${token}.gif`,
            headers: { 'x-forwarded-for': list.join(', ') },
          });
          expectGif(response);
        }),
        { numRuns: 60 },
      );
      expect((await stored()) - before).toBe(sent);
      const docs = await rawFirestore(projectId).collection(`links/${LINK_ID}/fetches`).get();
      for (const doc of docs.docs) {
        expect(String(doc.get('ipPrefix'))).toMatch(/^$|\/(24|48)$/);
      }
    }, 120_000);
  });

  describe('the API', () => {
    const body$ = fc.oneof(
      fc.jsonValue(),
      fc.record(
        { label: fc.jsonValue(), recipients: fc.jsonValue(), subject: fc.jsonValue() },
        { requiredKeys: [] },
      ),
      fc.dictionary(fc.string(), fc.jsonValue()),
    );

    it.each([
      ['POST', '/v1/links'],
      ['POST', '/v1/links/AAAAAAAAAAAAAAAAAAAAAA/signals'],
    ])(
      'answers any JSON body on %s %s without a 5xx',
      async (method, url) => {
        await fc.assert(
          fc.asyncProperty(body$, async (body) => {
            const response = await app.inject({
              method: method as 'POST',
              url,
              headers: { ...ALICE, 'content-type': 'application/json' },
              payload: JSON.stringify(body),
            });
            expect(response.statusCode).toBeLessThan(500);
            if (response.statusCode >= 400) {
              expect(response.json().message).toMatch(/^(body|link|querystring|params)/);
            }
          }),
          { numRuns: RUNS },
        );
      },
      120_000,
    );

    it.each([
      ['a wrong type', '{"label":42}', 400, 'body/label must be string'],
      ['an extra field', '{"label":"x","admin":true}', 400, 'unknown field "admin"'],
      ['broken JSON', '{"label":', 400, 'JSON'],
      ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 413, 'body'],
      [
        'deep nesting within the limit',
        `{"label":${'['.repeat(30_000)}${']'.repeat(30_000)}}`,
        400,
        'body/label',
      ],
    ])('refuses %s with a message naming it', async (_name, payload, status, named) => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/links',
        headers: { ...ALICE, 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(status);
      expect(response.json().message).toContain(named);
    });
  });

  describe('raw bytes over loopback', () => {
    const send = (head: Buffer | string) =>
      new Promise<Buffer>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('close', () => resolve(Buffer.concat(chunks)));
        socket.on('error', () => resolve(Buffer.concat(chunks)));
        socket.write(head);
      });
    const request = (path: string, headers: (string | Buffer)[]) =>
      Buffer.concat([
        Buffer.from(`GET ${path} HTTP/1.1\r\nhost: pixel.test\r\nconnection: close\r\n`),
        ...headers.map((h) => Buffer.concat([Buffer.from(h), Buffer.from('\r\n')])),
        Buffer.from('\r\n'),
      ]);
    const statusOf = (raw: Buffer) => Number(raw.toString('latin1').split(' ')[1]);
    const bodyOf = (raw: Buffer) => raw.subarray(raw.indexOf('\r\n\r\n') + 4);

    it.each([
      ['a 64 KB User-Agent', [`user-agent: ${'A'.repeat(64 * 1024)}`]],
      ['invalid UTF-8 in a header', [Buffer.from('user-agent: Mail \xff\xfe\xc3(', 'latin1')]],
      ['a control byte in a header', [Buffer.from('user-agent: Mail\x01App', 'latin1')]],
      ['a NUL in a header', [Buffer.from('accept: image/\x00*', 'latin1')]],
      ['500 X-Forwarded-For entries', [`x-forwarded-for: ${'10.0.0.1, '.repeat(499)}::1`]],
      ['a malformed address', ['x-forwarded-for: 999.1.1.1, ::ffff:zz, [::1]']],
      ['a header without a colon', ['this is not a header']],
      ['headers past the 128 KB limit', [`user-agent: ${'A'.repeat(140 * 1024)}`]],
      [
        'many headers past the limit',
        Array.from({ length: 300 }, (_, i) => `x-p${i}: ${'B'.repeat(500)}`),
      ],
    ])('answers the pixel with %s with the GIF', async (_name, headers) => {
      const raw = await send(request(`/p/${token}.gif`, headers));
      expect(statusOf(raw)).toBe(200);
      expect(bodyOf(raw).equals(PIXEL_GIF)).toBe(true);
    });

    it.each([
      ['invalid UTF-8 in the token', [Buffer.from('authorization: Bearer dev\xff\xfe', 'latin1')]],
      ['a control byte in a header', [Buffer.from('x-note: a\x01b', 'latin1')]],
      ['a header without a colon', ['this is not a header']],
    ])('answers the API with %s with a 4xx, never a 5xx', async (_name, headers) => {
      const raw = await send(request('/v1/links', headers));
      const status = statusOf(raw);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(JSON.parse(bodyOf(raw).toString()).message).toBeTruthy();
    });

    it('still answers after all of it', async () => {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(response.status).toBe(200);
    });
  });
});
