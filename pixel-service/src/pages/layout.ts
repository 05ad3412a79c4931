/**
 * The service's few HTML pages: plain, no script, no outside resources, so
 * they work in any browser and a mail scanner that opens them learns nothing.
 */
import type { FastifyReply } from 'fastify';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'",
  // Opt-out URLs carry a token; no other site should see it in a Referer.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;' +
  'color:#202124}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.5em}' +
  'button{font:inherit;padding:.4em 1em}table{border-collapse:collapse}' +
  'td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}' +
  'footer{margin-top:3em;font-size:.9em;color:#5f6368}';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A whole page; `body` is trusted markup, built with escapeHtml around anything variable. */
export function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body>${body}`,
    '<footer><a href="/">MailPing</a> · <a href="/privacy">Privacy</a> · ',
    '<a href="/terms">Terms</a></footer></body></html>',
  ].join('\n');
}

export function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply.code(status).headers(HEADERS).send(html);
}
