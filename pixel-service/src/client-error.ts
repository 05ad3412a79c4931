/**
 * Requests Node's HTTP parser refuses (bytes not allowed in a header, a
 * malformed request line, headers past the size limit) never reach a route.
 * When the refused bytes start with a pixel request line, the answer is
 * still the GIF: the mail client showing it cannot do anything with an
 * error. Oversized headers arrive in several packets and the parser keeps
 * none of the request line, so unless the last packet shows an API request,
 * they get the GIF too: an image where none was wanted harms no one, a
 * broken one in someone's email does. Anything else gets a 4xx.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { PIXEL_GIF, PIXEL_HEADERS } from './gif';

const PIXEL_REQUEST = /^(GET|HEAD) \/p\//;
const ANY_REQUEST_LINE = /^[A-Z]{3,7} \//;

function response(status: number, headers: Record<string, string>, body: Buffer): Buffer {
  const lines = [`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  lines.push(`content-length: ${body.length}`, 'connection: close', '', '');
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]);
}

const GIF_RESPONSE = response(200, PIXEL_HEADERS, PIXEL_GIF);

export function answerClientError(
  error: Error & { code?: string; rawPacket?: unknown },
  socket: Socket,
) {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const raw = Buffer.isBuffer(error.rawPacket) ? error.rawPacket : Buffer.alloc(0);
  const start = raw.subarray(0, 16).toString('latin1');
  const lostRequestLine = error.code === 'HPE_HEADER_OVERFLOW' && !ANY_REQUEST_LINE.test(start);
  if (PIXEL_REQUEST.test(start) || lostRequestLine) {
    socket.end(GIF_RESPONSE);
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const message = status === 431 ? 'request headers are too large' : 'malformed HTTP request';
  const body = { statusCode: status, error: http.STATUS_CODES[status], message };
  socket.end(
    response(status, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(body))),
  );
}
