import {
  onConfirmDeleteLink,
  onDeleteLink,
  onOpenTimeline,
  onRefreshTimeline,
  onShowPixelUrl,
} from '../../addon/main';
import { tree } from './fakes/card-service';
import { button, buttonsOf, shownCard, visibleText, widgets } from './fakes/card-tree';
import { actionEvent, SENDER, startAddon } from './fakes/harness';
import { deliveredAndOpened } from './fixtures';

let addon: ReturnType<typeof startAddon>;
beforeEach(() => {
  addon = startAddon();
});
afterEach(() => addon.restore());

function openTimeline(id: string) {
  return shownCard(tree(onOpenTimeline(actionEvent({ id }))));
}

describe('timeline card', () => {
  it('shows the four kinds of event in order, each with time, who and confidence', () => {
    const id = addon.service.addLink(
      SENDER,
      { label: 'Offer letter', recipients: ['ada@example.org'] },
      deliveredAndOpened,
    );

    const events = widgets(openTimeline(id), 'decoratedText');

    expect(events.map((e) => (e.text as string).split('<br>')[0])).toEqual([
      '<b>Link activated</b>',
      '<b>Link inserted</b>',
      '<b>Proxy cache check</b>',
      '<b>Email opened</b>',
    ]);
    expect(events.map((e) => e.topLabel)).toEqual([
      '1 Mar 2025, 09:00',
      '1 Mar 2025, 09:00',
      '1 Mar 2025, 09:05',
      '1 Mar 2025, 14:30 (2 times, until 1 Mar 2025, 14:45)',
    ]);
    expect(events[2]?.text).toContain(
      'Most likely the recipient’s mail provider · high confidence',
    );
    expect(events[3]?.text).toContain('Most likely the recipient · medium confidence');
  });

  it('gives the reasons in plain words, with a fallback for codes it does not know', () => {
    const id = addon.service.addLink(SENDER, {}, deliveredAndOpened);

    const text = visibleText(openTimeline(id));

    expect(text).toContain('• Apple Mail Privacy Protection fetched the image on delivery.');
    expect(text).toContain("• The request came from Apple's Private Relay network.");
    expect(text).toContain('• The message was opened in Gmail.');
    expect(text).toContain("• The client was Gmail's image proxy.");
    expect(text).toContain('• Other evidence (x-new:thing)');
    expect(text).toContain('Delivered: mail infrastructure fetched the image, not a person.');
  });

  it('says how many of the sender’s own views were hidden, and states notices', () => {
    const id = addon.service.addLink(SENDER, {}, deliveredAndOpened);

    const text = visibleText(openTimeline(id));

    expect(text).toContain('2 of your own views were hidden');
    expect(text).toContain('A second reader appeared: the message may have been forwarded.');
    expect(text).toContain('Note from MailPing (x-new:notice).');
  });

  it('says when nothing has happened yet', () => {
    const id = addon.service.addLink(SENDER, { label: 'Fresh' });

    const text = visibleText(openTimeline(id));

    expect(text).toContain('Nothing has happened yet.');
    expect(text).toContain('None of your own views needed hiding.');
  });

  it('offers refresh, copy URL and delete', () => {
    const id = addon.service.addLink(SENDER, { label: 'Offer letter' });

    const card = openTimeline(id);

    expect(buttonsOf(card).map((b) => [b.text, b.function])).toEqual([
      ['Refresh', 'onRefreshTimeline'],
      ['Copy URL', 'onShowPixelUrl'],
      ['Delete link', 'onConfirmDeleteLink'],
    ]);
  });

  it('refreshes from the service rather than the cache', () => {
    const id = addon.service.addLink(SENDER, {});
    openTimeline(id);
    const stored = addon.service.links.get(id);
    if (stored) stored.timeline = deliveredAndOpened;

    const card = shownCard(tree(onRefreshTimeline(actionEvent({ id }))));

    expect(widgets(card, 'decoratedText')).toHaveLength(4);
  });

  it('shows the URL ready to copy', () => {
    const id = addon.service.addLink(SENDER, {});
    const copy = button(openTimeline(id), 'Copy URL');

    const card = shownCard(tree(onShowPixelUrl(actionEvent(copy.parameters))));

    expect(widgets(card, 'textInput')[0]?.value).toBe(addon.service.pixelUrl(id));
  });

  it('deletes a link only after confirmation, then returns to the list', () => {
    const id = addon.service.addLink(SENDER, { label: 'Offer letter' });
    const ask = button(openTimeline(id), 'Delete link');

    const confirm = shownCard(tree(onConfirmDeleteLink(actionEvent(ask.parameters))));
    expect(addon.service.links.has(id)).toBe(true);
    const yes = button(confirm, 'Delete link');
    const response = tree(onDeleteLink(actionEvent(yes.parameters)));

    expect(addon.service.links.has(id)).toBe(false);
    expect(JSON.stringify(response)).toContain('"popToRoot":true');
    expect(visibleText(shownCard(response))).toMatch(/No tracked messages yet/);
  });

  it('says so when the link is gone', () => {
    const card = openTimeline('x'.repeat(22));

    expect(visibleText(card)).toMatch(/no longer exists/);
  });
});
