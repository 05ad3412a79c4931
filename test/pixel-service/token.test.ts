import fc from 'fast-check';
import { parseTokenKeys } from '../../pixel-service/src/config';
import { newLinkId, signToken, verifyToken } from '../../pixel-service/src/token';

const key = (id: string, fill: number) => `${id}:${Buffer.alloc(32, fill).toString('base64')}`;
const current = parseTokenKeys(key('k2', 2));
const rotated = parseTokenKeys(`${key('k2', 2)},${key('k1', 1)}`);
const old = parseTokenKeys(key('k1', 1));

describe('pixel tokens', () => {
  it('verifies a token it signed and returns the link id', () => {
    const id = newLinkId();
    expect(verifyToken(current, signToken(current, id))).toBe(id);
  });

  it('makes 128-bit link ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newLinkId));
    expect(ids.size).toBe(1000);
    expect(Buffer.from([...ids][0] ?? '', 'base64url')).toHaveLength(16);
  });

  it('keeps verifying tokens of a rotated-out key that is still configured', () => {
    const id = newLinkId();
    const before = signToken(old, id);
    expect(verifyToken(rotated, before)).toBe(id);
    expect(signToken(rotated, id).startsWith('k2.')).toBe(true);
    expect(verifyToken(current, before)).toBeNull();
  });

  it('rejects a token whose link id was swapped', () => {
    const token = signToken(current, newLinkId());
    const [kid, , mac] = token.split('.');
    expect(verifyToken(current, `${kid}.${newLinkId()}.${mac}`)).toBeNull();
  });

  it('rejects every mutation of a genuine token', () => {
    const token = signToken(current, newLinkId());
    fc.assert(
      fc.property(
        fc.nat(token.length - 1),
        fc.string({ minLength: 1, maxLength: 1 }),
        (at, char) => {
          fc.pre(token[at] !== char);
          const mutated = token.slice(0, at) + char + token.slice(at + 1);
          expect(verifyToken(current, mutated)).toBeNull();
        },
      ),
    );
  });

  it('never accepts or throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(verifyToken(current, text)).toBeNull();
      }),
    );
  });
});
