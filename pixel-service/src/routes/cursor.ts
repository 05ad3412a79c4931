/** Opaque list cursors: the last link's creation time and id, base64url-encoded. */
import { HttpError } from '../errors';

export interface Cursor {
  createdAt: number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt}.${cursor.id}`).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(Buffer.from(text, 'base64url').toString());
  if (!match?.[1] || !match[2])
    throw new HttpError(400, 'querystring/cursor is not a valid cursor');
  return { createdAt: Number(match[1]), id: match[2] };
}
