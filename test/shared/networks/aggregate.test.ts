import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { aggregatePrefixes } from '../../../shared/networks/aggregate';
import { compactEgressCsv, parseEgressCsv } from '../../../shared/networks/apple-egress';

const sample = readFileSync(join(__dirname, 'fixtures', 'apple-egress-sample.csv'), 'utf8');

const covered = (prefixes: string[], text: string) => {
  const address = ipaddr.parse(text);
  return prefixes.some((p) => {
    const range = ipaddr.parseCIDR(p);
    return range[0].kind() === address.kind() && address.match(range);
  });
};

// Addresses inside 10.0.0.0/16, so random prefixes overlap often.
const near = fc.tuple(fc.nat(255), fc.nat(255)).map(([c, d]) => `10.0.${c}.${d}`);
const nearPrefix = fc.tuple(near, fc.integer({ min: 16, max: 32 })).map(([a, n]) => `${a}/${n}`);

describe('aggregatePrefixes', () => {
  it('merges the London rows of the Apple sample into two prefixes', () => {
    const london = parseEgressCsv(sample).filter((p) => p.startsWith('172.224.226.'));
    expect(london).toHaveLength(5);
    expect(aggregatePrefixes(london)).toEqual(['172.224.226.0/27', '172.224.226.32/29']);
  });

  it('drops duplicates and prefixes inside others', () => {
    expect(aggregatePrefixes(['10.0.0.0/8', '10.1.0.0/16', '10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
  });

  it('merges IPv6 halves', () => {
    expect(aggregatePrefixes(['2a04::/17', '2a04:8000::/17'])).toEqual(['2a04::/16']);
  });

  it('covers exactly the same addresses, with no more prefixes', () => {
    fc.assert(
      fc.property(fc.array(nearPrefix, { maxLength: 40 }), near, (prefixes, address) => {
        const merged = aggregatePrefixes(prefixes);
        expect(merged.length).toBeLessThanOrEqual(new Set(prefixes).size);
        expect(covered(merged, address)).toBe(covered(prefixes, address));
        expect(aggregatePrefixes(merged)).toEqual(merged);
      }),
    );
  });
});

describe('parseEgressCsv', () => {
  it('keeps only the prefix column of every row', () => {
    const prefixes = parseEgressCsv(sample);
    expect(prefixes).toHaveLength(12);
    expect(prefixes).toContain('104.28.30.0/26');
    expect(prefixes.every((p) => !p.includes(','))).toBe(true);
  });

  it('reads a bare address as a one-address prefix', () => {
    expect(parseEgressCsv('192.0.2.1,US,US-CA,Los Angeles,\n')).toEqual(['192.0.2.1/32']);
  });

  it('names the line of a bad row', () => {
    expect(() => parseEgressCsv('10.0.0.0/8,US,,,\nnonsense,US,,,\n')).toThrow(/line 2/);
  });

  it('compacts the sample to nine prefixes', () => {
    expect(compactEgressCsv(sample)).toHaveLength(9);
  });
});
