import ipaddr from 'ipaddr.js';
import { loadAppleRelay, loadNetworkIndex } from '../../../shared/networks/snapshots';

const at = (ip: string) => ipaddr.parse(ip);

describe('loadNetworkIndex', () => {
  it('knows Google, Microsoft and Yahoo at once', () => {
    const index = loadNetworkIndex();
    expect(index.lookup(at('66.249.84.10'))).toBe('google');
    expect(index.lookup(at('40.94.89.21'))).toBe('microsoft');
    expect(index.lookup(at('98.137.27.103'))).toBe('yahoo');
    expect(index.lookup(at('203.0.113.9'))).toBe('other');
  });

  it('misses Apple until its list is loaded, then finds it', async () => {
    const index = loadNetworkIndex();
    expect(index.lookup(at('172.224.226.5'))).toBe('other');
    await loadAppleRelay(index);
    expect(index.lookup(at('172.224.226.5'))).toBe('apple-relay');
    expect(index.lookup(at('2a04:4e41:275f:1700::12'))).toBe('apple-relay');
  });

  it('lets the event loop run while Apple loads and reports it as loading', async () => {
    const index = loadNetworkIndex();
    const loading = loadAppleRelay(index);
    let during: boolean | undefined;
    // Runs between the file read and the last slice.
    const tick = new Promise<void>((resolve) =>
      setImmediate(() => {
        during = index.ages(Date.now()).find((a) => a.network === 'apple-relay')?.loaded;
        resolve();
      }),
    );
    await Promise.all([loading, tick]);
    expect(during).not.toBe(true);
    expect(index.ages(Date.now()).find((a) => a.network === 'apple-relay')?.loaded).toBe(true);
  });

  it("reports every list's source and age", () => {
    const index = loadNetworkIndex();
    const now = Date.parse('2024-04-26T07:05:03.689Z');
    const google = index.ages(now).find((a) => a.network === 'google');
    expect(google).toMatchObject({ source: 'https://www.gstatic.com/ipranges/goog.json' });
    expect(google?.ageMs).toBe(86_400_000);
    expect(
      index
        .ages(now)
        .map((a) => a.network)
        .sort(),
    ).toEqual(['google', 'microsoft', 'yahoo']);
  });
});
