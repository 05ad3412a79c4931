/**
 * The service's configuration, read from the environment once at start-up.
 * Nothing else in the service reads `process.env`.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import ipaddr from 'ipaddr.js';
import { RETENTION_CHOICES, type RetentionDays } from '../../shared/contract';

const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 8080 }),
  HOST: Type.String({ default: '127.0.0.1' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/]+(/.*)?$' })),
  GOOGLE_CLOUD_PROJECT: Type.String({ minLength: 1, default: 'demo-mailping' }),
  TOKEN_KEYS: Type.String({ minLength: 1 }),
  OAUTH_CLIENT_IDS: Type.String({ default: '' }),
  DEV_IDENTITY: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'off' }),
  TRUSTED_PROXY_HOPS: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
  RETENTION_DAYS: Type.Union(
    RETENTION_CHOICES.map((days) => Type.Literal(days)),
    { default: 90 },
  ),
  OPERATOR_NAME: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  OPERATOR_CONTACT: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
  OPT_OUT_REFRESH_MS: Type.Integer({ minimum: 1000, maximum: 3_600_000, default: 60_000 }),
  STORE_TIMEOUT_MS: Type.Integer({ minimum: 50, maximum: 10_000, default: 1500 }),
  API_STORE_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 30_000, default: 3000 }),
  DAILY_FETCH_CAP: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 2000 }),
  API_RATE_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100_000, default: 120 }),
  PREVIEW_ORIGIN: Type.Optional(Type.String({ pattern: '^http://[^/]+$' })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  K_SERVICE: Type.Optional(Type.String()),
});

export interface TokenKey {
  id: string;
  secret: Buffer;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  projectId: string;
  /** The first key signs new tokens; all of them verify. */
  tokenKeys: TokenKey[];
  oauthClientIds: string[];
  devIdentity: boolean;
  trustedProxyHops: number;
  /** Retention for users who have not chosen one. */
  retentionDays: RetentionDays;
  storeTimeoutMs: number;
  /** Who runs this service, as the privacy policy and terms name them. */
  operator: { name: string; contact: string };
  /** How often each instance reloads the list of opted-out links. */
  optOutRefreshMs: number;
  /** How long an API request waits on storage before answering 503. */
  apiStoreTimeoutMs: number;
  /** Fetches of one link stored one by one per UTC day, per instance. */
  dailyFetchCap: number;
  apiRatePerMinute: number;
  /** The local preview's origin, the only one CORS admits (development only). */
  previewOrigin?: string;
  logLevel: string;
  onCloudRun: boolean;
}

export class ConfigError extends Error {}

const KEY_ID = /^[A-Za-z0-9]{1,8}$/;
const MIN_SECRET_BYTES = 32;

/** Parses `id:base64secret,id:base64secret`; the first key signs. */
export function parseTokenKeys(text: string): TokenKey[] {
  const keys = text.split(',').map((entry) => {
    const [id = '', secret = ''] = entry.trim().split(':');
    if (!KEY_ID.test(id)) throw new ConfigError(`TOKEN_KEYS: bad key id "${id}"`);
    const bytes = Buffer.from(secret, 'base64');
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new ConfigError(`TOKEN_KEYS: key "${id}" needs at least 32 random bytes`);
    }
    return { id, secret: bytes };
  });
  if (new Set(keys.map((k) => k.id)).size !== keys.length) {
    throw new ConfigError('TOKEN_KEYS: key ids must be unique');
  }
  return keys;
}

/** Reads and validates the environment into a typed config. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const raw = Value.Default(EnvSchema, Value.Convert(EnvSchema, pickKnown(env)));
  if (!Value.Check(EnvSchema, raw)) {
    const first = Value.Errors(EnvSchema, raw).First();
    const name = first?.path.slice(1) ?? 'environment';
    const choices = (first?.schema.anyOf as { const?: unknown }[] | undefined)?.map((s) => s.const);
    const why = choices ? `must be one of ${choices.join(', ')}` : first?.message;
    throw new ConfigError(`${name}: ${why ?? 'invalid'}`);
  }
  const e: Static<typeof EnvSchema> = raw;
  const onCloudRun = e.K_SERVICE !== undefined;
  if (e.DEV_IDENTITY === 'on') assertDevIdentityAllowed(onCloudRun, e.HOST);
  // The privacy policy must name who answers for the data.
  if (onCloudRun && (!e.OPERATOR_NAME || !e.OPERATOR_CONTACT)) {
    throw new ConfigError('OPERATOR_NAME and OPERATOR_CONTACT are required on Cloud Run');
  }
  if (e.PREVIEW_ORIGIN !== undefined) assertPreviewAllowed(e.DEV_IDENTITY, e.PREVIEW_ORIGIN);
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/+$/, ''),
    projectId: e.GOOGLE_CLOUD_PROJECT,
    tokenKeys: parseTokenKeys(e.TOKEN_KEYS),
    oauthClientIds: e.OAUTH_CLIENT_IDS.split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    devIdentity: e.DEV_IDENTITY === 'on',
    // Cloud Run's front end appends one X-Forwarded-For entry; locally there is none.
    trustedProxyHops: e.TRUSTED_PROXY_HOPS ?? (onCloudRun ? 1 : 0),
    retentionDays: e.RETENTION_DAYS,
    storeTimeoutMs: e.STORE_TIMEOUT_MS,
    operator: {
      name: e.OPERATOR_NAME ?? 'the operator of this MailPing service',
      contact: e.OPERATOR_CONTACT ?? 'not configured',
    },
    optOutRefreshMs: e.OPT_OUT_REFRESH_MS,
    apiStoreTimeoutMs: e.API_STORE_TIMEOUT_MS,
    dailyFetchCap: e.DAILY_FETCH_CAP,
    apiRatePerMinute: e.API_RATE_PER_MINUTE,
    ...(e.PREVIEW_ORIGIN ? { previewOrigin: e.PREVIEW_ORIGIN } : {}),
    logLevel: e.LOG_LEVEL,
    onCloudRun,
  };
}

export interface StorageConfig {
  projectId: string;
  retentionDays: RetentionDays;
}

const StorageEnvSchema = Type.Pick(EnvSchema, ['GOOGLE_CLOUD_PROJECT', 'RETENTION_DAYS']);

/** The storage part alone, for commands that only talk to Firestore. */
export function loadStorageConfig(env: Record<string, string | undefined>): StorageConfig {
  const raw = Value.Default(StorageEnvSchema, Value.Convert(StorageEnvSchema, pickKnown(env)));
  if (!Value.Check(StorageEnvSchema, raw)) {
    const first = Value.Errors(StorageEnvSchema, raw).First();
    throw new ConfigError(`${first?.path.slice(1) ?? 'environment'}: ${first?.message}`);
  }
  const e: Static<typeof StorageEnvSchema> = raw;
  return { projectId: e.GOOGLE_CLOUD_PROJECT, retentionDays: e.RETENTION_DAYS };
}

function pickKnown(env: Record<string, string | undefined>): Record<string, string> {
  const known: Record<string, string> = {};
  for (const name of Object.keys(EnvSchema.properties)) {
    const value = env[name];
    if (value !== undefined && value !== '') known[name] = value;
  }
  return known;
}

/**
 * The development identity lets anyone act as any user, so it only exists on
 * a developer's own machine: never on Cloud Run, never on a reachable address.
 */
function assertDevIdentityAllowed(onCloudRun: boolean, host: string): void {
  if (onCloudRun) {
    throw new ConfigError('DEV_IDENTITY: refused on Cloud Run (K_SERVICE is set)');
  }
  if (!isLoopbackHost(host)) {
    throw new ConfigError(`DEV_IDENTITY: refused while listening on ${host}; use 127.0.0.1`);
  }
}

/**
 * A browser page may call the API cross-origin only in development: the
 * preview runs on the developer's machine and signs in as a development user.
 */
function assertPreviewAllowed(devIdentity: string, origin: string): void {
  if (devIdentity !== 'on') {
    throw new ConfigError('PREVIEW_ORIGIN: only allowed with DEV_IDENTITY=on');
  }
  const host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
  if (!isLoopbackHost(host)) {
    throw new ConfigError(`PREVIEW_ORIGIN: ${origin} is not a loopback origin`);
  }
}

function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  if (!ipaddr.isValid(host)) return false;
  return ipaddr.process(host).range() === 'loopback';
}
