/** Load from autocannon, and the few figures the table reports from it. */
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not a 200, plus connection errors and timeouts. */
  failures: number;
}

export const CONNECTIONS = 100;

export async function load(url: string, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: {
      'user-agent':
        'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
    },
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Sends `count` requests and waits for all of them. */
export async function send(url: string, count: number, connections = 20): Promise<void> {
  await autocannon({ url, connections, amount: count });
}
