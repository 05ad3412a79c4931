import { onComposeTrigger, onCreateLink, onInsertIntoDraft } from '../../addon/main';
import { tree } from './fakes/card-service';
import {
  button,
  buttonsOf,
  draftInsertions,
  shownCard,
  visibleText,
  widgets,
} from './fakes/card-tree';
import { SERVICE_URL } from './fakes/fake-service';
import { actionEvent, composeEvent, SENDER, startAddon } from './fakes/harness';

let addon: ReturnType<typeof startAddon>;
beforeEach(() => {
  addon = startAddon();
});
afterEach(() => addon.restore());

const draft = { to: ['Ada <ada@example.org>'], subject: 'Contract for signature' };

describe('compose card', () => {
  it('offers a label defaulting to the subject, and one button', () => {
    const [card] = onComposeTrigger(composeEvent(draft)).map(tree);

    const [label] = widgets(card, 'textInput');
    expect(label).toMatchObject({ name: 'label', value: 'Contract for signature' });
    expect(buttonsOf(card).map((b) => b.text)).toEqual(['Create tracking pixel']);
    expect(visibleText(card)).toContain('To ada@example.org');
    expect(visibleText(card)).toContain('One link per message');
  });

  it('warns when the sender is one of the recipients', () => {
    const [card] = onComposeTrigger(composeEvent({ to: ['ada@example.org', SENDER] })).map(tree);

    expect(visibleText(card)).toMatch(/can’t tell your own views/);
  });

  it('does not warn when only others receive the draft', () => {
    const [card] = onComposeTrigger(composeEvent(draft)).map(tree);

    expect(visibleText(card)).not.toMatch(/your own views/);
  });
});

describe('creating a link', () => {
  it('mints with the recipients, activates the pixel once, and shows its URL', () => {
    const shown = shownCard(tree(onCreateLink(composeEvent({ ...draft, label: 'NDA' }))));

    const [link] = [...addon.service.links.values()];
    expect(link?.body).toEqual({
      label: 'NDA',
      recipients: ['ada@example.org'],
      subject: 'Contract for signature',
    });
    expect(addon.service.pixelFetches.map((f) => f.url)).toEqual([link?.summary.pixelUrl]);
    expect(addon.service.pixelFetches[0]?.headers.Authorization).toBeUndefined();
    const url = widgets(shown, 'textInput').find((w) => w.name === 'pixelUrl');
    expect(url?.value).toBe(link?.summary.pixelUrl);
    expect(visibleText(shown)).toContain('One link per message');
    expect(button(shown, 'Insert into message').parameters).toEqual({
      id: link?.summary.id,
      pixelUrl: link?.summary.pixelUrl,
    });
  });

  it('sends the identity token as a bearer token', () => {
    onCreateLink(composeEvent(draft));

    const api = addon.apps.requests.filter((r) => r.url.startsWith(`${SERVICE_URL}/v1/`));
    expect(api.map((r) => r.headers.Authorization)).toEqual(['Bearer id-token-of-sender']);
  });

  it('says plainly when the service is unreachable, and offers nothing to insert', () => {
    addon.service.unreachable = true;

    const shown = shownCard(tree(onCreateLink(composeEvent(draft))));

    expect(visibleText(shown)).toMatch(/can’t be reached/);
    expect(buttonsOf(shown)).toEqual([]);
  });

  it('inserts nothing when the new pixel does not answer from Google’s network', () => {
    addon.service.pixelStatus = 404;

    const shown = shownCard(tree(onCreateLink(composeEvent(draft))));

    expect(visibleText(shown)).toMatch(/did not answer from Google’s network/);
    expect(buttonsOf(shown)).toEqual([]);
  });

  it('says plainly when the service refuses', () => {
    addon.service.failWith = 429;

    const shown = shownCard(tree(onCreateLink(composeEvent(draft))));

    expect(visibleText(shown)).toMatch(/Too many requests/);
    expect(addon.service.links.size).toBe(0);
  });
});

describe('inserting the pixel', () => {
  function mint() {
    const shown = shownCard(tree(onCreateLink(composeEvent(draft))));
    return button(shown, 'Insert into message').parameters;
  }

  it('inserts a 1×1 image without border or alt text at the cursor', () => {
    const params = mint();

    const response = tree(onInsertIntoDraft(actionEvent(params)));

    const inserted = draftInsertions(response);
    expect(inserted.type).toBe('IN_PLACE_INSERT');
    expect(inserted.contents).toEqual([
      {
        content:
          `<img src="${params.pixelUrl}" width="1" height="1" alt="" ` +
          'border="0" style="border:0">',
        contentType: 'MUTABLE_HTML',
      },
    ]);
  });

  it('records the inserted signal for the link', () => {
    const params = mint();

    onInsertIntoDraft(actionEvent(params));

    expect(addon.service.signals).toEqual([{ id: params.id, body: { type: 'inserted' } }]);
  });

  it('refuses a pixel address that is not the service’s', () => {
    const params = mint();

    const response = tree(
      onInsertIntoDraft(actionEvent({ ...params, pixelUrl: 'https://evil.test/p/x.gif' })),
    );

    expect(visibleText(shownCard(response))).toMatch(/does not belong to MailPing/);
    expect(addon.service.signals).toEqual([]);
  });

  it('puts the opt-out line under the pixel when the sender offers one', () => {
    addon.service.settings[SENDER] = { retentionDays: 90, recipientOptOut: true };
    const params = mint();
    expect(params.optOutUrl).toBe(`${SERVICE_URL}/o/k1.${params.id}.${'m'.repeat(22)}`);

    const inserted = draftInsertions(tree(onInsertIntoDraft(actionEvent(params))));

    expect(inserted.contents[0]?.content).toBe(
      `<img src="${params.pixelUrl}" width="1" height="1" alt="" border="0" style="border:0">` +
        '<div style="font-size:11px;color:#80868b">Read receipt requested — ' +
        `<a href="${params.optOutUrl}" style="color:#80868b">opt out</a></div>`,
    );
  });

  it('refuses an opt-out address that is not the service’s', () => {
    addon.service.settings[SENDER] = { retentionDays: 90, recipientOptOut: true };
    const params = mint();

    const response = tree(
      onInsertIntoDraft(actionEvent({ ...params, optOutUrl: 'https://evil.test/o/x' })),
    );

    expect(visibleText(shownCard(response))).toMatch(/does not belong to MailPing/);
    expect(addon.service.signals).toEqual([]);
  });
});
