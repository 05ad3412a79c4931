import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { PrefixMap } from '../../../shared/networks/prefix-map';

const v4 = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255))
  .map((octets) => octets.join('.'));
const v4Prefix = fc.tuple(v4, fc.integer({ min: 0, max: 32 })).map(([a, n]) => `${a}/${n}`);

describe('PrefixMap', () => {
  it('finds an address inside a prefix and misses one outside', () => {
    const map = new PrefixMap<string>();
    map.add('172.224.226.0/27', 'relay');
    expect(map.get(ipaddr.parse('172.224.226.5'))).toBe('relay');
    expect(map.get(ipaddr.parse('172.224.226.40'))).toBeUndefined();
  });

  it('prefers the longest matching prefix', () => {
    const map = new PrefixMap<string>();
    map.add('10.0.0.0/8', 'wide');
    map.add('10.1.0.0/16', 'narrow');
    expect(map.get(ipaddr.parse('10.1.2.3'))).toBe('narrow');
    expect(map.get(ipaddr.parse('10.2.2.3'))).toBe('wide');
  });

  it('keeps IPv4 and IPv6 apart', () => {
    const map = new PrefixMap<string>();
    map.add('2a04:4e41:275f:1700::/56', 'v6');
    expect(map.get(ipaddr.parse('2a04:4e41:275f:17ff::1'))).toBe('v6');
    expect(map.get(ipaddr.parse('0.0.0.0'))).toBeUndefined();
  });

  it('rejects text that is not a prefix', () => {
    expect(() => new PrefixMap().add('10.0.0.0/33', 1)).toThrow(/not a CIDR prefix/);
  });

  it('agrees with a scan using ipaddr.js match', () => {
    fc.assert(
      fc.property(fc.array(v4Prefix, { maxLength: 30 }), v4, (prefixes, text) => {
        const map = new PrefixMap<true>();
        for (const prefix of prefixes) map.add(prefix, true);
        const address = ipaddr.parse(text);
        const scanned = prefixes.some((p) => address.match(ipaddr.parseCIDR(p)));
        expect(map.get(address) === true).toBe(scanned);
      }),
    );
  });
});
