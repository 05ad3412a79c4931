import { DailyCap, MAX_LINKS_REMEMBERED } from '../../pixel-service/src/daily-cap';

const NOON = Date.UTC(2026, 11, 3, 12);
const NEXT_DAY = Date.UTC(2026, 11, 4, 0, 0, 1);

describe('daily cap', () => {
  it('admit fetches of a link up to the cap, then only count them', () => {
    const cap = new DailyCap(3);
    const admitted = [1, 2, 3, 4, 5].map(() => cap.admit('hotLink', NOON));
    expect(admitted).toEqual([true, true, true, false, false]);
    expect(cap.admit('quietLink', NOON)).toBe(true);
  });

  it('start each link afresh on the next UTC day', () => {
    const cap = new DailyCap(1);
    expect(cap.admit('hotLink', NOON)).toBe(true);
    expect(cap.admit('hotLink', NOON)).toBe(false);
    expect(cap.admit('hotLink', NEXT_DAY)).toBe(true);
  });

  it('remember only the most recent links, so memory stays bounded', () => {
    const cap = new DailyCap(1);
    cap.admit('oldLink', NOON);
    expect(cap.admit('oldLink', NOON)).toBe(false);
    for (let i = 0; i < MAX_LINKS_REMEMBERED; i += 1) cap.admit(`link${i}`, NOON);
    // Forgotten, so admitted again: the cap is approximate by design.
    expect(cap.admit('oldLink', NOON)).toBe(true);
    expect(cap.admit(`link${MAX_LINKS_REMEMBERED - 1}`, NOON)).toBe(false);
  });
});
