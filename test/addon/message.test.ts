import { onMessageOpen } from '../../addon/main';
import type { FakeMessage } from './fakes/apps-script';
import { tree } from './fakes/card-service';
import { button, visibleText, widgets } from './fakes/card-tree';
import { linkIdFor, SERVICE_URL } from './fakes/fake-service';
import { messageEvent, SENDER, startAddon } from './fakes/harness';
import { deliveredAndOpened } from './fixtures';

const MAC = 'm'.repeat(22);
const ownId = linkIdFor(1);
const pixel = (id: string) => `<img src="${SERVICE_URL}/p/k1.${id}.${MAC}.gif" width="1" alt="">`;
const sentAt = new Date('2025-03-01T09:01:00.000Z');

const sentMessage: FakeMessage = {
  id: 'msg-sent',
  from: `Sam Sender <${SENDER}>`,
  body: `<p>Please sign.</p>${pixel(ownId)}`,
  date: sentAt,
};
const aliasMessage: FakeMessage = { ...sentMessage, id: 'msg-alias', from: 'sales@example.com' };
const replyMessage: FakeMessage = {
  id: 'msg-reply',
  from: 'Ada <ada@example.org>',
  body: `<p>Signed.</p><blockquote>${pixel(ownId)}</blockquote>`,
  date: new Date('2025-03-02T10:00:00.000Z'),
};
const plainMessage: FakeMessage = { ...replyMessage, id: 'msg-plain', body: '<p>Lunch?</p>' };
const othersMessage: FakeMessage = {
  ...replyMessage,
  id: 'msg-others',
  body: pixel(linkIdFor(99)),
};

const messages = [sentMessage, aliasMessage, replyMessage, plainMessage, othersMessage];
const accessTokens = Object.fromEntries(messages.map((m) => [m.id, `token-${m.id}`]));

let addon: ReturnType<typeof startAddon>;
beforeEach(() => {
  addon = startAddon({ messages, accessTokens });
  addon.service.addLink(
    SENDER,
    { id: ownId, label: 'Contract', recipients: ['ada@example.org'] },
    deliveredAndOpened,
  );
  addon.service.addLink('someone@else.example', { id: linkIdFor(99) });
});
afterEach(() => addon.restore());

function open(message: FakeMessage) {
  return tree(onMessageOpen(messageEvent(message.id, `token-${message.id}`)));
}

describe('contextual card', () => {
  it('records the send and a sender view, then shows the sender’s own timeline', () => {
    const card = open(sentMessage);

    expect(addon.service.signals).toEqual([
      { id: ownId, body: { type: 'sent', messageAt: sentAt.toISOString() } },
      { id: ownId, body: { type: 'sender-view' } },
    ]);
    const calls = addon.apps.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);
    expect(calls.at(-1)).toBe(`GET /v1/links/${ownId}`);
    expect(widgets(card, 'decoratedText')).toHaveLength(4);
    expect(visibleText(card)).toContain('2 of your own views were hidden');
    expect(button(card, 'Open timeline').parameters).toEqual({ id: ownId });
  });

  it('treats a message from a send-as alias as the sender’s own', () => {
    open(aliasMessage);

    expect(addon.service.signals.map((s) => s.body.type)).toEqual(['sent', 'sender-view']);
  });

  it('shows a recipient’s reply quoting the pixel without recording a sender view', () => {
    const card = open(replyMessage);

    expect(addon.service.signals).toEqual([]);
    expect(visibleText(card)).toContain('Email opened');
  });

  it('shows a light card for a message without a MailPing link', () => {
    const card = open(plainMessage);

    expect(visibleText(card)).toBe('MailPing\nThis message has no MailPing link.');
    expect(addon.apps.requests).toEqual([]);
  });

  it('shows nothing of a pixel that belongs to someone else', () => {
    const card = open(othersMessage);

    expect(visibleText(card)).toMatch(/isn’t yours/);
    expect(addon.service.signals).toEqual([]);
  });

  it('cannot read a message without Gmail’s access token, and logs no address', () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {});

    const card = tree(onMessageOpen(messageEvent(sentMessage.id, 'stolen')));

    expect(visibleText(card)).toMatch(/Something unexpected went wrong/);
    expect(addon.service.signals).toEqual([]);
    const lines = logged.mock.calls.flat().join('\n');
    expect(lines).toContain('"entry":"message"');
    expect(lines).not.toMatch(/@|token/);
    logged.mockRestore();
  });
});
