import { onHomepage, onMoreLinks, onOpenTimeline, onRefreshHome } from '../../addon/main';
import { tree } from './fakes/card-service';
import { button, buttonsOf, clickable, shownCard, visibleText, widgets } from './fakes/card-tree';
import { actionEvent, homepageEvent, SENDER, startAddon } from './fakes/harness';

let addon: ReturnType<typeof startAddon>;
beforeEach(() => {
  addon = startAddon();
});
afterEach(() => addon.restore());

function addLinks(count: number) {
  for (let n = 1; n <= count; n++) {
    const day = String(n).padStart(2, '0');
    addon.service.addLink(SENDER, {
      label: `Message ${n}`,
      recipients: ['ada@example.org'],
      createdAt: `2025-03-${day}T09:00:00.000Z`,
    });
  }
}

describe('homepage', () => {
  it('explains the two ways to insert a pixel when there are no links', () => {
    const card = tree(onHomepage(homepageEvent()));

    const text = visibleText(card);
    expect(text).toMatch(/No tracked messages yet/);
    expect(text).toMatch(/1\. .*Insert tracking pixel/);
    expect(text).toMatch(/2\. .*Insert photo/);
    expect(buttonsOf(card).map((b) => b.text)).toEqual(['Refresh']);
  });

  it('lists links newest first with recipients, status in the user’s zone, and opens', () => {
    addon.service.addLink(SENDER, {
      label: 'Offer letter',
      recipients: ['ada@example.org', 'bob@example.org', 'cy@example.org'],
      createdAt: '2025-03-02T09:00:00.000Z',
      last: { kind: 'opened', at: '2025-07-01T16:30:00.000Z' },
      opens: 2,
    });
    addon.service.addLink(SENDER, { label: 'Older', createdAt: '2025-03-01T09:00:00.000Z' });

    const rows = widgets(tree(onHomepage(homepageEvent())), 'decoratedText');

    expect(rows.map((r) => r.text)).toEqual(['<b>Offer letter</b>', '<b>Older</b>']);
    expect(rows[0]).toMatchObject({
      topLabel: 'ada@example.org, bob@example.org and 1 more',
      // 16:30 UTC is 17:30 in London in summer.
      bottomLabel: 'Email opened · 1 Jul 2025, 17:30 · Opened 2 times',
      startIcon: { materialIcon: { name: 'drafts' } },
    });
    expect(rows[1]?.bottomLabel).toBe('Created 1 Mar 2025, 09:00 · Not opened yet');
  });

  it('escapes labels so they cannot add markup to the card', () => {
    addon.service.addLink(SENDER, { label: '<b>Q3</b> & more' });

    const [row] = widgets(tree(onHomepage(homepageEvent())), 'decoratedText');

    expect(row?.text).toBe('<b>&lt;b&gt;Q3&lt;/b&gt; &amp; more</b>');
  });

  it('opens a link’s timeline on click', () => {
    const id = addon.service.addLink(SENDER, { label: 'Offer letter' });

    const [row] = widgets(tree(onHomepage(homepageEvent())), 'decoratedText');
    const click = clickable(row ?? {});
    expect(click).toMatchObject({ function: 'onOpenTimeline', parameters: { id } });

    const shown = shownCard(tree(onOpenTimeline(actionEvent(click.parameters))));
    expect(shown.header).toMatchObject({ title: 'Offer letter' });
  });

  it('pages through older links', () => {
    addLinks(12);

    const first = tree(onHomepage(homepageEvent()));
    expect(widgets(first, 'decoratedText')).toHaveLength(10);
    const older = button(first, 'Older links');

    const next = shownCard(tree(onMoreLinks(actionEvent(older.parameters))));
    expect(widgets(next, 'decoratedText').map((r) => r.text)).toEqual([
      '<b>Message 2</b>',
      '<b>Message 1</b>',
    ]);
    expect(buttonsOf(next).map((b) => b.text)).toEqual(['Refresh']);
  });

  it('serves a redraw from the cache, and Refresh asks the service again', () => {
    addLinks(1);
    onHomepage(homepageEvent());
    onHomepage(homepageEvent());
    const listCalls = () => addon.apps.requests.filter((r) => r.url.includes('/v1/links?')).length;
    expect(listCalls()).toBe(1);

    addLinks(2);
    const refreshed = shownCard(tree(onRefreshHome(homepageEvent())));

    expect(listCalls()).toBe(2);
    expect(widgets(refreshed, 'decoratedText')).toHaveLength(3);
  });

  it('shows an error card when the identity token is rejected', () => {
    addon.service.accounts = {};

    const card = tree(onHomepage(homepageEvent()));

    expect(visibleText(card)).toMatch(/could not confirm who you are/);
  });

  it('shows an error card when the service address is not configured', () => {
    addon.apps.scriptProperties.deleteProperty('SERVICE_URL');

    const card = tree(onHomepage(homepageEvent()));

    expect(visibleText(card)).toMatch(/not set up yet/);
    expect(addon.apps.requests).toEqual([]);
  });
});
