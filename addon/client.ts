/**
 * The one module that talks to MailPing's service. Apps Script's UrlFetchApp
 * is synchronous, so every method returns its answer directly. Requests carry
 * the user's Google identity token; the service verifies it.
 */
import type {
  ApiError,
  CreatedLink,
  CreateLinkBody,
  ExportLink,
  LinkDetail,
  LinkList,
  Settings,
  SettingsBody,
  SignalBody,
} from '../shared/contract';
import type { AddonConfig } from './config';
import { forgetCached, readCached, writeCached } from './response-cache';
import { plainServiceMessage, ServiceError } from './service-error';

export const PAGE_SIZE = 10;

export interface ReadOptions {
  /** Skip the cache, as the Refresh actions do. */
  fresh?: boolean;
}

export interface ServiceClient {
  createLink(body: CreateLinkBody): CreatedLink;
  listLinks(cursor?: string, options?: ReadOptions): LinkList;
  getLink(id: string, options?: ReadOptions): LinkDetail;
  recordSignal(id: string, body: SignalBody): void;
  deleteLink(id: string): void;
  deleteMyData(): void;
  getSettings(): Settings;
  saveSettings(body: SettingsBody): Settings;
  /** A short-lived link that downloads all of the user's data without the ID token. */
  exportLink(): ExportLink;
  /** Fetches a pixel once, as an image client would; true when it served an image. */
  fetchPixel(pixelUrl: string): boolean;
}

type Method = 'get' | 'post' | 'put' | 'delete';

export function serviceClient(config: AddonConfig): ServiceClient {
  const api = `${config.serviceUrl}/v1`;

  function send(method: Method, path: string, body?: unknown): string {
    const token = ScriptApp.getIdentityToken();
    if (!token) throw new ServiceError(401, plainServiceMessage(401));
    const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
      method,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      muteHttpExceptions: true,
      followRedirects: false,
    };
    if (body !== undefined) {
      params.contentType = 'application/json';
      params.payload = JSON.stringify(body);
    }
    const response = fetchOrThrow(`${api}${path}`, params);
    const status = response.getResponseCode();
    const text = response.getContentText();
    if (status >= 200 && status < 300) return text;
    throw new ServiceError(status, plainServiceMessage(status, errorMessage(text)));
  }

  function read<T>(path: string, options: ReadOptions = {}): T {
    const cached = options.fresh ? null : readCached(path);
    if (cached !== null) return JSON.parse(cached) as T;
    const text = send('get', path);
    writeCached(path, text);
    return JSON.parse(text) as T;
  }

  function change(method: Method, path: string, body?: unknown): string {
    const text = send(method, path, body);
    forgetCached();
    return text;
  }

  return {
    createLink: (body) => JSON.parse(change('post', '/links', body)) as CreatedLink,
    listLinks: (cursor, options) => read<LinkList>(listPath(cursor), options),
    getLink: (id, options) => read<LinkDetail>(`/links/${encodeURIComponent(id)}`, options),
    recordSignal: (id, body) => {
      change('post', `/links/${encodeURIComponent(id)}/signals`, body);
    },
    deleteLink: (id) => {
      change('delete', `/links/${encodeURIComponent(id)}`);
    },
    deleteMyData: () => {
      change('delete', '/me');
    },
    // Settings are read fresh: a cached copy would undo a change made a moment ago.
    getSettings: () => JSON.parse(send('get', '/me/settings')) as Settings,
    saveSettings: (body) => JSON.parse(change('put', '/me/settings', body)) as Settings,
    exportLink: () => JSON.parse(send('post', '/me/export-link')) as ExportLink,
    fetchPixel,
  };
}

function listPath(cursor?: string): string {
  const query = [`limit=${PAGE_SIZE}`];
  if (cursor) query.push(`cursor=${encodeURIComponent(cursor)}`);
  return `/links?${query.join('&')}`;
}

function fetchOrThrow(
  url: string,
  params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions,
): GoogleAppsScript.URL_Fetch.HTTPResponse {
  try {
    return UrlFetchApp.fetch(url, params);
  } catch {
    // UrlFetchApp throws, even with muteHttpExceptions, when nothing answers.
    throw new ServiceError(0, plainServiceMessage(0));
  }
}

function fetchPixel(pixelUrl: string): boolean {
  try {
    const response = UrlFetchApp.fetch(pixelUrl, {
      muteHttpExceptions: true,
      followRedirects: false,
    });
    const headers = response.getHeaders() as Record<string, string>;
    const type = headers['Content-Type'] ?? headers['content-type'] ?? '';
    return response.getResponseCode() === 200 && type.startsWith('image/');
  } catch {
    return false;
  }
}

function errorMessage(text: string): string | undefined {
  try {
    return (JSON.parse(text) as Partial<ApiError>).message;
  } catch {
    return undefined;
  }
}
