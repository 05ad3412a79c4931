import { ConfigError, loadConfig } from '../../pixel-service/src/config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const base = { TOKEN_KEYS: `k1:${KEY}` };
const operator = { OPERATOR_NAME: 'Example Ltd', OPERATOR_CONTACT: 'privacy@example.com' };

describe('configuration', () => {
  it('fills documented defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:8080',
      projectId: 'demo-mailping',
      devIdentity: false,
      trustedProxyHops: 0,
      retentionDays: 90,
    });
    expect(config.tokenKeys.map((key) => key.id)).toEqual(['k1']);
  });

  it('trusts one proxy hop on Cloud Run unless told otherwise', () => {
    const cloudRun = { ...base, ...operator, K_SERVICE: 'mailping' };
    expect(loadConfig(cloudRun).trustedProxyHops).toBe(1);
    expect(loadConfig({ ...cloudRun, TRUSTED_PROXY_HOPS: '2' })).toMatchObject({
      trustedProxyHops: 2,
    });
  });

  it('refuses the development identity on Cloud Run', () => {
    expect(() => loadConfig({ ...base, DEV_IDENTITY: 'on', K_SERVICE: 'mailping' })).toThrow(
      /DEV_IDENTITY: refused on Cloud Run/,
    );
  });

  it('refuses the development identity on a non-loopback address', () => {
    expect(() => loadConfig({ ...base, DEV_IDENTITY: 'on', HOST: '0.0.0.0' })).toThrow(
      /DEV_IDENTITY: refused while listening on 0.0.0.0/,
    );
    expect(loadConfig({ ...base, DEV_IDENTITY: 'on', HOST: '::1' }).devIdentity).toBe(true);
  });

  it('admits a preview origin only in development and only on loopback', () => {
    const preview = { ...base, PREVIEW_ORIGIN: 'http://127.0.0.1:8081' };
    expect(() => loadConfig(preview)).toThrow(/PREVIEW_ORIGIN: only allowed with DEV_IDENTITY=on/);
    expect(loadConfig({ ...preview, DEV_IDENTITY: 'on' }).previewOrigin).toBe(
      'http://127.0.0.1:8081',
    );
    expect(() =>
      loadConfig({ ...base, DEV_IDENTITY: 'on', PREVIEW_ORIGIN: 'http://evil.example' }),
    ).toThrow(/not a loopback origin/);
  });

  it.each([
    [{}, /TOKEN_KEYS/],
    [{ TOKEN_KEYS: 'k1:c2hvcnQ=' }, /at least 32 random bytes/],
    [{ TOKEN_KEYS: `bad id!:${KEY}` }, /bad key id/],
    [{ TOKEN_KEYS: `k1:${KEY},k1:${KEY}` }, /unique/],
    [{ ...base, PORT: 'eighty' }, /PORT/],
    [{ ...base, LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
  ])('names the bad variable in %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('offers only the retention choices users can pick', () => {
    expect(loadConfig({ ...base, RETENTION_DAYS: '365' }).retentionDays).toBe(365);
    expect(() => loadConfig({ ...base, RETENTION_DAYS: '60' })).toThrow(
      'RETENTION_DAYS: must be one of 30, 90, 365',
    );
  });

  it('needs the operator named on Cloud Run, for the privacy policy', () => {
    expect(() => loadConfig({ ...base, K_SERVICE: 'mailping' })).toThrow(
      /OPERATOR_NAME and OPERATOR_CONTACT are required on Cloud Run/,
    );
    expect(loadConfig({ ...base, ...operator }).operator).toEqual({
      name: 'Example Ltd',
      contact: 'privacy@example.com',
    });
  });
});
