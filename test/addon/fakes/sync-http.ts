/**
 * Real HTTP made synchronous, for running add-on handlers against a real
 * service as Apps Script's blocking UrlFetchApp would. Each request runs in a
 * short-lived Node child process (execFileSync), which blocks this thread
 * until the answer is back. The server must therefore live in another thread
 * or process: a server on this thread's event loop could never answer.
 */
import { execFileSync } from 'node:child_process';
import type { FetchRequest, FetchResponse, Transport } from './url-fetch-app';

const CHILD = `
let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  const request = JSON.parse(input);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: request.followRedirects ? 'follow' : 'manual',
    });
    const body = Buffer.from(await response.arrayBuffer()).toString('base64');
    const headers = Object.fromEntries(response.headers.entries());
    process.stdout.write(JSON.stringify({ status: response.status, headers, body }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ unreachable: String(error && error.cause || error) }));
  }
});
`;

export function syncHttpTransport(timeoutMs = 15_000): Transport {
  return (request: FetchRequest): FetchResponse => {
    const output = execFileSync(process.execPath, ['-e', CHILD], {
      input: JSON.stringify(request),
      timeout: timeoutMs,
      maxBuffer: 10 * 1024 * 1024,
    });
    const answer = JSON.parse(output.toString('utf8'));
    if (answer.unreachable) throw new Error(answer.unreachable);
    return {
      status: answer.status,
      headers: answer.headers,
      body: Buffer.from(answer.body, 'base64'),
    };
  };
}

/**
 * The transport as the service sees it from `address`: the entry its front
 * proxy appends to X-Forwarded-For. Apps Script's requests come from Google.
 */
export function fromAddress(transport: Transport, address: string): Transport {
  return (request) =>
    transport({ ...request, headers: { ...request.headers, 'X-Forwarded-For': address } });
}
