import { serviceClient } from '../../addon/client';
import { parseConfig } from '../../addon/config';
import { ServiceError } from '../../addon/service-error';
import { SERVICE_URL } from './fakes/fake-service';
import { SENDER, startAddon } from './fakes/harness';

let addon: ReturnType<typeof startAddon>;
beforeEach(() => {
  addon = startAddon();
});
afterEach(() => addon.restore());

const config = parseConfig({
  serviceUrl: `${SERVICE_URL}/`,
  privacyUrl: null,
});
const gets = () => addon.apps.requests.filter((r) => r.method === 'GET').length;

describe('service client', () => {
  it('reads a timeline once within the cache period', () => {
    const id = addon.service.addLink(SENDER, {});
    const client = serviceClient(config);

    client.getLink(id);
    client.getLink(id);

    expect(gets()).toBe(1);
  });

  it('forgets cached answers after any change', () => {
    const id = addon.service.addLink(SENDER, {});
    const client = serviceClient(config);
    client.getLink(id);

    client.recordSignal(id, { type: 'sender-view' });
    client.getLink(id);

    expect(gets()).toBe(2);
  });

  it('forgets cached answers when they expire', () => {
    let now = Date.parse('2025-03-01T09:00:00Z');
    addon.restore();
    addon = startAddon({ now: () => now });
    const id = addon.service.addLink(SENDER, {});
    const client = serviceClient(config);
    client.getLink(id);

    now += 31_000;
    client.getLink(id);

    expect(gets()).toBe(2);
  });

  it('turns a refusal into a ServiceError with the status and plain words', () => {
    addon.service.failWith = 400;
    const client = serviceClient(config);

    const call = () => client.createLink({ label: 'x' });

    expect(call).toThrow(ServiceError);
    expect(call).toThrow('MailPing’s service refused the request: refused on purpose.');
  });

  it('does not call the service without an identity token', () => {
    addon.restore();
    addon = startAddon({ identityToken: '' });

    expect(() => serviceClient(config).listLinks()).toThrow(/could not confirm who you are/);
    expect(addon.apps.requests).toEqual([]);
  });
});

describe('configuration', () => {
  it('refuses to start without a service address', () => {
    expect(() => parseConfig({ serviceUrl: null, privacyUrl: null })).toThrow(/not set up yet/);
  });
});
