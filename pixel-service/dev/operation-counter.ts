/**
 * A loopback HTTP/2 proxy between the Firestore client and the emulator that
 * counts gRPC calls by method (Commit, RunQuery, BatchGetDocuments, ...).
 * Tests and the benchmark point FIRESTORE_EMULATOR_HOST at it to count the
 * operations a request really costs, rather than estimate them.
 */
import http2 from 'node:http2';

export interface OperationCounter {
  host: string;
  /** Calls per gRPC method name since the last reset. */
  counts(): Record<string, number>;
  reset(): void;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

export async function startOperationCounter(upstreamHost: string): Promise<OperationCounter> {
  let counts: Record<string, number> = {};
  const upstream = http2.connect(`http://${upstreamHost}`);
  upstream.on('error', () => {});
  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    const path = String(headers[':path'] ?? '');
    const method = path.slice(path.lastIndexOf('/') + 1);
    counts[method] = (counts[method] ?? 0) + 1;
    forward(upstream, stream, headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host: `127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    reset: () => {
      counts = {};
    },
    close: () =>
      new Promise((resolve) => {
        upstream.close();
        server.close(() => resolve());
      }),
  };
}

function forward(
  upstream: http2.ClientHttp2Session,
  stream: http2.ServerHttp2Stream,
  headers: http2.IncomingHttpHeaders,
) {
  const outgoing: http2.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) outgoing[name] = value;
  }
  const request = upstream.request(outgoing);
  let trailers: http2.IncomingHttpHeaders = {};
  request.on('response', (responseHeaders) => {
    const { ':status': status, ...rest } = responseHeaders;
    stream.respond({ ':status': status, ...rest }, { waitForTrailers: true });
  });
  request.on('trailers', (received) => {
    trailers = received;
  });
  stream.on('wantTrailers', () => stream.sendTrailers(trailers));
  request.on('error', () => stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR));
  stream.on('error', () => request.close(http2.constants.NGHTTP2_CANCEL));
  stream.pipe(request);
  request.pipe(stream);
}
