/** Builds the real app for tests, with a config any test can adjust. */
import { randomBytes } from 'node:crypto';
import { buildApp, type Deps } from '../../pixel-service/src/app';
import { type Config, parseTokenKeys } from '../../pixel-service/src/config';

export const TEST_TOKEN_KEYS = `t1:${randomBytes(32).toString('base64')}`;

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://pixel.test',
    projectId: 'demo-mailping-test',
    tokenKeys: parseTokenKeys(TEST_TOKEN_KEYS),
    oauthClientIds: [],
    devIdentity: false,
    trustedProxyHops: 1,
    retentionDays: 90,
    storeTimeoutMs: 1500,
    operator: { name: 'Example Operator Ltd', contact: 'privacy@operator.example' },
    optOutRefreshMs: 60_000,
    apiStoreTimeoutMs: 3000,
    dailyFetchCap: 2000,
    apiRatePerMinute: 120,
    logLevel: 'silent',
    onCloudRun: false,
    ...overrides,
  };
}

export function testApp(deps: Deps, overrides: Partial<Config> = {}) {
  return buildApp(testConfig(overrides), deps);
}
