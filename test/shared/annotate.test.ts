import fc from 'fast-check';
import { annotateRequest, HEADER_MAX } from '../../shared/annotate';
import { createNetworkIndex } from '../../shared/networks/network-index';

const networks = createNetworkIndex([
  {
    network: 'google',
    name: 'Google',
    source: 'fixture',
    snapshotAt: '2024-04-25T00:00:00Z',
    prefixes: ['66.249.64.0/19', '2001:4860::/32'],
  },
]);

const GMAIL_PROXY =
  'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

const isWellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8') === text;

describe('annotateRequest', () => {
  it("stores a Gmail proxy fetch's network, prefix and agent", () => {
    const facts = annotateRequest(
      { method: 'GET', ip: '66.249.84.10', headers: { 'user-agent': GMAIL_PROXY } },
      networks,
    );
    expect(facts).toEqual({
      method: 'GET',
      userAgent: GMAIL_PROXY,
      headers: {},
      network: 'google',
      ipPrefix: '66.249.84.0/24',
    });
  });

  it('reads an IPv4-mapped IPv6 address as IPv4', () => {
    const facts = annotateRequest(
      { method: 'GET', ip: '::ffff:66.249.84.10', headers: {} },
      networks,
    );
    expect(facts).toMatchObject({ network: 'google', ipPrefix: '66.249.84.0/24' });
  });

  it('truncates IPv6 to /48', () => {
    const facts = annotateRequest(
      { method: 'GET', ip: '2001:4860:1:2:3::9', headers: {} },
      networks,
    );
    expect(facts).toMatchObject({ network: 'google', ipPrefix: '2001:4860:1::/48' });
  });

  it('keeps the headers the rules read and drops the rest', () => {
    const headers = {
      accept: 'image/*',
      'sec-fetch-dest': 'image',
      'sec-ch-ua-mobile': '?0',
      cookie: 'secret',
      authorization: 'Bearer x',
      'x-forwarded-for': '203.0.113.9',
      via: ['1.1 a', '1.1 b'],
    };
    const facts = annotateRequest({ method: 'GET', ip: '203.0.113.9', headers }, networks);
    expect(facts.headers).toEqual({
      accept: 'image/*',
      'sec-fetch-dest': 'image',
      'sec-ch-ua-mobile': '?0',
      via: '1.1 a, 1.1 b',
    });
  });

  it('caps a 64 KB User-Agent', () => {
    const agent = 'A'.repeat(65_536);
    const facts = annotateRequest(
      { method: 'GET', ip: '1.2.3.4', headers: { 'user-agent': agent } },
      networks,
    );
    expect(facts.userAgent).toHaveLength(HEADER_MAX);
  });

  it('makes invalid UTF-8 and control characters safe to store', () => {
    const raw = Buffer.from([0x4d, 0xff, 0xfe, 0x00, 0x41]).toString('latin1');
    const facts = annotateRequest(
      { method: 'GET', ip: '1.2.3.4', headers: { 'user-agent': `${raw}\ud800x` } },
      networks,
    );
    expect(isWellFormed(facts.userAgent)).toBe(true);
    const codes = [...facts.userAgent].map((c) => c.charCodeAt(0));
    expect(codes.filter((code) => code < 0x20)).toEqual([]);
  });

  it('falls back to network other and no prefix for an unreadable address', () => {
    for (const ip of ['', 'not-an-ip', '999.1.1.1', '1'.repeat(500), 'fe80::1%eth0/64']) {
      const facts = annotateRequest({ method: 'GET', ip, headers: {} }, networks);
      expect(facts).toMatchObject({ network: 'other', ipPrefix: '' });
    }
  });

  it('never stores the full address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const { ipPrefix } = annotateRequest({ method: 'GET', ip, headers: {} }, networks);
        expect(ipPrefix.endsWith('.0/24')).toBe(true);
      }),
    );
  });

  it('never throws and always returns storable text, whatever arrives', () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(fc.string()),
      fc.constant(undefined),
    );
    const input = fc.record({
      method: fc.string({ unit: 'binary' }),
      ip: fc.oneof(fc.string({ unit: 'binary' }), fc.ipV4(), fc.ipV6(), fc.ipV4Extended()),
      headers: fc.dictionary(fc.string(), value),
    });
    fc.assert(
      fc.property(input, (request) => {
        const facts = annotateRequest(request, networks);
        const texts = [
          facts.method,
          facts.userAgent,
          facts.ipPrefix,
          ...Object.values(facts.headers),
        ];
        expect(texts.every((t) => t.length <= HEADER_MAX && isWellFormed(t))).toBe(true);
      }),
    );
  });
});
