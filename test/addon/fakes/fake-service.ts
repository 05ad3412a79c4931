/**
 * An in-memory stand-in for MailPing's service, answering the contract in
 * shared/contract.ts through the fake UrlFetchApp. It keeps what the add-on
 * sent (links, signals) so tests can check it, and serves timelines the test
 * sets. The real service replaces it in end-to-end tests.
 */
import type {
  CreatedLink,
  CreateLinkBody,
  LinkDetail,
  LinkSummary,
  Settings,
  SignalBody,
  Timeline,
} from '../../../shared/contract';
import type { FetchRequest, FetchResponse, Transport } from './url-fetch-app';

export const SERVICE_URL = 'https://mailping.test';
export const SENDER_TOKEN = 'id-token-of-sender';
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface StoredLink {
  summary: LinkSummary;
  timeline: Timeline;
  owner: string;
  body: CreateLinkBody;
}

function json(status: number, value: unknown): FetchResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(value)),
  };
}

function error(status: number, message: string): FetchResponse {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    404: 'Not Found',
  };
  return json(status, { statusCode: status, error: names[status] ?? 'Error', message });
}

export function linkIdFor(n: number): string {
  return `link${String(n).padStart(18, '0')}`;
}

export class FakeService {
  links = new Map<string, StoredLink>();
  signals: { id: string; body: SignalBody }[] = [];
  pixelFetches: FetchRequest[] = [];
  /** Tokens and the account each belongs to. */
  accounts: Record<string, string> = { [SENDER_TOKEN]: 'sender@example.com' };
  /** When set, every API request gets this status. */
  failWith: number | null = null;
  unreachable = false;
  /** What pixel URLs answer; anything but 200 fails the activation check. */
  pixelStatus = 200;
  deletedAccounts: string[] = [];
  settings: Record<string, Settings> = {};
  /** Export links handed out, by account. */
  exportLinks: { owner: string; url: string }[] = [];
  private count = 0;

  transport: Transport = (request) => {
    if (this.unreachable) throw new Error('connect ECONNREFUSED');
    const url = new URL(request.url);
    if (url.pathname.startsWith('/p/')) return this.pixel(request);
    if (this.failWith) return error(this.failWith, 'refused on purpose');
    const owner = this.accounts[(request.headers.Authorization ?? '').replace(/^Bearer /, '')];
    if (!owner) return error(401, 'invalid identity token');
    return this.route(request.method, url, owner, request.body);
  };

  addLink(owner: string, summary: Partial<LinkSummary>, timeline?: Partial<Timeline>): string {
    const id = summary.id ?? linkIdFor(++this.count);
    this.links.set(id, {
      owner,
      body: {},
      summary: {
        id,
        label: '',
        recipients: [],
        createdAt: '2025-03-01T09:00:00.000Z',
        pixelUrl: this.pixelUrl(id),
        last: null,
        opens: 0,
        ...summary,
      },
      timeline: { events: [], ignored: [], notices: [], ...timeline },
    });
    return id;
  }

  pixelUrl(id: string): string {
    return `${SERVICE_URL}/p/k1.${id}.${'m'.repeat(22)}.gif`;
  }

  private pixel(request: FetchRequest): FetchResponse {
    this.pixelFetches.push(request);
    if (this.pixelStatus !== 200) return error(this.pixelStatus, 'no such pixel');
    return { status: 200, headers: { 'Content-Type': 'image/gif' }, body: GIF };
  }

  private route(method: string, url: URL, owner: string, body?: string): FetchResponse {
    const path = url.pathname;
    const linkMatch = /^\/v1\/links\/([^/]+)(\/signals)?$/.exec(path);
    if (method === 'POST' && path === '/v1/links') return this.create(owner, body);
    if (method === 'GET' && path === '/v1/links') return this.list(owner, url.searchParams);
    if (method === 'DELETE' && path === '/v1/me') return this.deleteAll(owner);
    if (path === '/v1/me/settings') return this.settingsRoute(method, owner, body);
    if (method === 'POST' && path === '/v1/me/export-link') return this.exportLink(owner);
    if (!linkMatch) return error(404, 'no such route');
    const link = this.links.get(decodeURIComponent(linkMatch[1] ?? ''));
    if (!link || link.owner !== owner) return error(404, 'link not found');
    if (method === 'GET' && !linkMatch[2]) return json(200, this.detail(link));
    if (method === 'DELETE' && !linkMatch[2]) {
      this.links.delete(link.summary.id);
      return { status: 204, headers: {}, body: Buffer.alloc(0) };
    }
    if (method === 'POST' && linkMatch[2]) {
      this.signals.push({ id: link.summary.id, body: JSON.parse(body ?? '{}') });
      return { status: 204, headers: {}, body: Buffer.alloc(0) };
    }
    return error(404, 'no such route');
  }

  private create(owner: string, raw?: string): FetchResponse {
    const body = JSON.parse(raw ?? '{}') as CreateLinkBody;
    const id = this.addLink(owner, { label: body.label ?? '', recipients: body.recipients ?? [] });
    const stored = this.links.get(id) as StoredLink;
    stored.body = body;
    const created: CreatedLink = {
      id,
      pixelUrl: stored.summary.pixelUrl,
      html: `<img src="${stored.summary.pixelUrl}" width="1" height="1" alt="">`,
      createdAt: stored.summary.createdAt,
    };
    if (this.settingsOf(owner).recipientOptOut) {
      created.optOutUrl = `${SERVICE_URL}/o/k1.${id}.${'m'.repeat(22)}`;
    }
    return json(201, created);
  }

  private list(owner: string, query: URLSearchParams): FetchResponse {
    const limit = Number(query.get('limit') ?? 20);
    const start = Number(query.get('cursor') ?? 0);
    const mine = [...this.links.values()]
      .filter((l) => l.owner === owner)
      .map((l) => l.summary)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const page = mine.slice(start, start + limit);
    const nextCursor = start + limit < mine.length ? String(start + limit) : null;
    return json(200, { links: page, nextCursor });
  }

  private detail(link: StoredLink): LinkDetail {
    return { link: link.summary, timeline: link.timeline };
  }

  settingsOf(owner: string): Settings {
    return this.settings[owner] ?? { retentionDays: 90, recipientOptOut: false };
  }

  private settingsRoute(method: string, owner: string, body?: string): FetchResponse {
    if (method === 'GET') return json(200, this.settingsOf(owner));
    if (method !== 'PUT') return error(404, 'no such route');
    const change = JSON.parse(body ?? '{}') as Partial<Settings>;
    if (change.retentionDays !== undefined && ![30, 90, 365].includes(change.retentionDays)) {
      return error(400, 'body/retentionDays must be equal to one of the allowed values');
    }
    this.settings[owner] = { ...this.settingsOf(owner), ...change };
    return json(200, this.settings[owner]);
  }

  private exportLink(owner: string): FetchResponse {
    const url = `${SERVICE_URL}/export/k1.${Buffer.from(owner).toString('base64url')}.mac`;
    this.exportLinks.push({ owner, url });
    return json(200, { url, expiresAt: '2025-03-01T09:10:00.000Z' });
  }

  private deleteAll(owner: string): FetchResponse {
    for (const [id, link] of this.links) if (link.owner === owner) this.links.delete(id);
    delete this.settings[owner];
    this.deletedAccounts.push(owner);
    return { status: 204, headers: {}, body: Buffer.alloc(0) };
  }
}
