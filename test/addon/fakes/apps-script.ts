/**
 * Installs fakes of the Apps Script services the add-on uses as globals, the
 * way Apps Script provides them, and takes them away again. Each fake keeps
 * the real API's names and the limits the add-on could trip over.
 */
import { createCardService } from './card-service';
import { createUrlFetchApp, type Transport } from './url-fetch-app';

export interface FakeMessage {
  id: string;
  from: string;
  body: string;
  date: Date;
}

export interface AppsScriptOptions {
  transport: Transport;
  scriptProperties?: Record<string, string>;
  userEmail?: string;
  identityToken?: string;
  messages?: FakeMessage[];
  /** Access tokens Gmail would hand the contextual trigger, by message id. */
  accessTokens?: Record<string, string>;
  now?: () => number;
}

const CACHE_KEY_MAX = 250;
const CACHE_VALUE_MAX = 100 * 1024;
const CACHE_TTL_MAX_SECONDS = 21600;

export function createCache(now: () => number) {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  function checkKey(key: string) {
    if (key.length > CACHE_KEY_MAX) throw new Error('Argument too large: key');
  }
  return {
    get(key: string): string | null {
      checkKey(key);
      const entry = entries.get(key);
      if (!entry || entry.expiresAt <= now()) return null;
      return entry.value;
    },
    put(key: string, value: string, seconds = 600) {
      checkKey(key);
      if (value.length > CACHE_VALUE_MAX) throw new Error('Argument too large: value');
      const ttl = Math.min(seconds, CACHE_TTL_MAX_SECONDS);
      entries.set(key, { value, expiresAt: now() + ttl * 1000 });
    },
    remove(key: string) {
      entries.delete(key);
    },
  };
}

function createProperties(initial: Record<string, string>) {
  const values = new Map(Object.entries(initial));
  return {
    getProperty: (key: string) => values.get(key) ?? null,
    setProperty(key: string, value: string) {
      values.set(key, value);
      return this;
    },
    deleteProperty(key: string) {
      values.delete(key);
      return this;
    },
    getProperties: () => Object.fromEntries(values),
  };
}

function createGmailApp(messages: FakeMessage[], accessTokens: Record<string, string>) {
  let currentToken: string | null = null;
  return {
    setCurrentMessageAccessToken(token: string) {
      currentToken = token;
    },
    getMessageById(id: string) {
      const message = messages.find((m) => m.id === id);
      // The add-on scopes open only the message whose token Gmail handed over.
      if (!message || !currentToken || accessTokens[id] !== currentToken) {
        throw new Error('Access denied: the current message access token is missing or wrong');
      }
      return {
        getId: () => message.id,
        getFrom: () => message.from,
        getBody: () => message.body,
        getDate: () => new Date(message.date.getTime()),
      };
    },
  };
}

const NAMES = [
  'CardService',
  'UrlFetchApp',
  'ScriptApp',
  'CacheService',
  'PropertiesService',
  'GmailApp',
  'Session',
] as const;

export function installAppsScript(options: AppsScriptOptions) {
  const now = options.now ?? (() => Date.now());
  const urlFetch = createUrlFetchApp(options.transport);
  const userCache = createCache(now);
  const scriptProperties = createProperties(options.scriptProperties ?? {});
  const email = options.userEmail ?? 'sender@example.com';
  const services: Record<(typeof NAMES)[number], unknown> = {
    CardService: createCardService(),
    UrlFetchApp: { fetch: urlFetch.fetch },
    ScriptApp: { getIdentityToken: () => options.identityToken ?? 'id-token-of-sender' },
    CacheService: { getUserCache: () => userCache, getScriptCache: () => createCache(now) },
    PropertiesService: { getScriptProperties: () => scriptProperties },
    GmailApp: createGmailApp(options.messages ?? [], options.accessTokens ?? {}),
    Session: {
      getActiveUser: () => ({ getEmail: () => email }),
      getEffectiveUser: () => ({ getEmail: () => email }),
      getActiveUserLocale: () => 'en',
    },
  };
  const scope = globalThis as Record<string, unknown>;
  for (const name of NAMES) scope[name] = services[name];
  return {
    services,
    requests: urlFetch.requests,
    userCache,
    scriptProperties,
    restore() {
      for (const name of NAMES) delete scope[name];
    },
  };
}
