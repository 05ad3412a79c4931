/**
 * A fake of UrlFetchApp. Like the real one it is synchronous, throws on a 4xx
 * or 5xx unless muteHttpExceptions is set, throws when nothing answers, and
 * sends Apps Script's user agent. What answers is a transport: an in-memory
 * service for unit tests, or real HTTP made synchronous (sync-http.ts).
 */
export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  followRedirects: boolean;
}

export interface FetchResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Returns the response, or throws when the host can't be reached. */
export type Transport = (request: FetchRequest) => FetchResponse;

export const APPS_SCRIPT_USER_AGENT =
  'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com)';

interface Params {
  method?: string;
  headers?: Record<string, string>;
  contentType?: string;
  payload?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
}

function httpResponse(response: FetchResponse) {
  return {
    getResponseCode: () => response.status,
    getContentText: () => response.body.toString('utf8'),
    getContent: () => [...response.body],
    getHeaders: () => ({ ...response.headers }),
    getAllHeaders: () => ({ ...response.headers }),
  };
}

export function createUrlFetchApp(transport: Transport) {
  const requests: FetchRequest[] = [];
  function fetch(url: string, params: Params = {}) {
    const headers: Record<string, string> = { 'User-Agent': APPS_SCRIPT_USER_AGENT };
    for (const [name, value] of Object.entries(params.headers ?? {})) headers[name] = value;
    if (params.payload !== undefined) {
      headers['Content-Type'] = params.contentType ?? 'application/x-www-form-urlencoded';
    }
    const request: FetchRequest = {
      url,
      method: (params.method ?? 'get').toUpperCase(),
      headers,
      body: params.payload,
      followRedirects: params.followRedirects ?? true,
    };
    requests.push(request);
    let response: FetchResponse;
    try {
      response = transport(request);
    } catch {
      throw new Error(`Exception: Address unavailable: ${url}`);
    }
    if (response.status >= 400 && !params.muteHttpExceptions) {
      throw new Error(`Exception: Request failed for ${url} returned code ${response.status}`);
    }
    return httpResponse(response);
  }
  return { fetch, requests };
}
