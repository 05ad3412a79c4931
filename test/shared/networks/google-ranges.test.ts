import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGoogleRanges } from '../../../shared/networks/google-ranges';

const goog = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'goog.json'), 'utf8'));

describe('parseGoogleRanges', () => {
  it('reads the creation time as UTC and every IPv4 and IPv6 prefix', () => {
    const { snapshotAt, prefixes } = parseGoogleRanges(goog);
    expect(snapshotAt).toBe('2024-04-25T07:05:03.689Z');
    expect(prefixes).toContain('66.249.64.0/19');
    expect(prefixes).toContain('2001:4860::/32');
    expect(prefixes).toHaveLength(goog.prefixes.length);
  });

  it('names the field of a malformed document', () => {
    expect(() => parseGoogleRanges({ prefixes: [] })).toThrow(/creationTime/);
  });
});
