/**
 * A load generator for tests: real HTTP over loopback, a fixed number of
 * keep-alive connections, and every answer kept, so a test can check each
 * body rather than an average.
 */
import { Agent, get } from 'node:http';

export interface Answer {
  url: string;
  status: number;
  body: Buffer;
  ms: number;
}

export interface BurstOptions {
  urls: string[];
  connections: number;
  headers?: Record<string, string>;
  /** Called after each answer with the number answered so far. */
  onAnswer?: (answered: number) => void;
}

/** Fetches every URL once, `connections` at a time; resolves when all have answered. */
export async function burst(options: BurstOptions): Promise<Answer[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const answers: Answer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.urls.length) {
      const url = options.urls[next] ?? '';
      next += 1;
      answers.push(await fetchOnce(url, agent, options.headers ?? {}));
      options.onAnswer?.(answers.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, worker));
  } finally {
    agent.destroy();
  }
  return answers;
}

function fetchOnce(url: string, agent: Agent, headers: Record<string, string>): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number, body: Buffer) =>
      resolve({ url, status, body, ms: performance.now() - started });
    const request = get(url, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(response.statusCode ?? 0, Buffer.concat(chunks)));
      response.on('error', () => done(0, Buffer.alloc(0)));
    });
    request.on('error', () => done(0, Buffer.alloc(0)));
  });
}
