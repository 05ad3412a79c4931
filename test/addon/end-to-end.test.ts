/**
 * The add-on's handlers against the real service on loopback, with the real
 * Firestore emulator behind it. Apps Script's requests reach the service as
 * they would from Google's network; pixel fetches come as Gmail's image proxy
 * from Google's addresses. The service runs in a child process whose clock
 * the test moves forward, so the classifier's windows see real gaps.
 */
import {
  onComposeTrigger,
  onCreateLink,
  onInsertIntoDraft,
  onMessageOpen,
  onRefreshTimeline,
} from '../../addon/main';
import { APPS_SCRIPT_ADDRESS, GMAIL, type PixelClient } from '../../addon/preview/clients';
import { describeWithFirestore, newProjectId } from '../support/firestore';
import { type ServiceProcess, startServiceProcess } from '../support/service-process';
import { type FakeMessage, installAppsScript } from './fakes/apps-script';
import { tree } from './fakes/card-service';
import { button, draftInsertions, shownCard, visibleText, widgets } from './fakes/card-tree';
import { actionEvent, composeEvent, messageEvent, SENDER } from './fakes/harness';
import { fromAddress, syncHttpTransport } from './fakes/sync-http';
import { APPS_SCRIPT_USER_AGENT } from './fakes/url-fetch-app';

const READER = 'ada@example.org';
const DRAFT = { to: [READER], subject: 'Offer letter' };
const SENT_ID = 'msg-sent';
const ACCESS_TOKEN = 'token-of-msg-sent';
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The title of each event row on a card, in order. */
function eventTitles(card: unknown): string[] {
  return widgets(card, 'decoratedText').map((w) => (w.text as string).split('<br>')[0] ?? '');
}

describeWithFirestore('the add-on against the real service', () => {
  let service: ServiceProcess;
  let apps: ReturnType<typeof installAppsScript>;
  const messages: FakeMessage[] = [];

  beforeAll(async () => {
    service = await startServiceProcess(newProjectId());
    apps = installAppsScript({
      transport: fromAddress(syncHttpTransport(), APPS_SCRIPT_ADDRESS),
      scriptProperties: { SERVICE_URL: service.url },
      userEmail: SENDER,
      identityToken: 'dev:e2e',
      messages,
      accessTokens: { [SENT_ID]: ACCESS_TOKEN },
      now: () => service.now(),
    });
  }, 60_000);
  afterAll(async () => {
    apps?.restore();
    await service?.stop();
  });

  async function fetchPixel(pixelUrl: string, client: PixelClient) {
    const response = await fetch(pixelUrl, {
      headers: { 'User-Agent': client.userAgent, 'X-Forwarded-For': client.address },
    });
    expect(response.headers.get('content-type')).toBe('image/gif');
  }

  function readTimeline(id: string) {
    return shownCard(tree(onRefreshTimeline(actionEvent({ id }))));
  }

  it('shows one event per real step and hides the sender’s own view', async () => {
    const compose = tree(onComposeTrigger(composeEvent(DRAFT))[0]);
    expect(visibleText(compose)).toContain('To ada@example.org');

    const ready = shownCard(tree(onCreateLink(composeEvent(DRAFT))));
    const insert = button(ready, 'Insert into message');
    const { id, pixelUrl } = insert.parameters as { id: string; pixelUrl: string };
    expect(pixelUrl.startsWith(`${service.url}/p/`)).toBe(true);
    const check = apps.requests.find((r) => r.url === pixelUrl);
    expect(check?.headers['User-Agent']).toBe(APPS_SCRIPT_USER_AGENT);

    const draft = draftInsertions(tree(onInsertIntoDraft(actionEvent(insert.parameters))));
    const image = String(draft.contents[0]?.content);
    expect(image).toContain(pixelUrl);

    await service.advance(3 * MINUTE);
    messages.push({
      id: SENT_ID,
      from: `Sam Sender <${SENDER}>`,
      body: `<p>Here is the offer.</p>${image}`,
      date: new Date(service.now()),
    });
    // Workspace checks the image seconds after delivery.
    await service.advance(5 * SECOND);
    await fetchPixel(pixelUrl, GMAIL);
    await service.advance(2 * HOUR);
    await fetchPixel(pixelUrl, GMAIL);
    // The sender reads their sent message; Gmail loads the image for them too.
    await service.advance(1 * HOUR);
    await fetchPixel(pixelUrl, GMAIL);

    // Until the add-on reports the view, it can't be told from the reader's.
    const before = readTimeline(id);
    expect(eventTitles(before).filter((t) => t.includes('Email opened'))).toHaveLength(2);
    expect(visibleText(before)).toContain('None of your own views needed hiding.');

    await service.advance(3 * SECOND);
    const message = tree(onMessageOpen(messageEvent(SENT_ID, ACCESS_TOKEN)));

    const expected = [
      '<b>Link activated</b>',
      '<b>Link inserted</b>',
      '<b>Proxy cache check</b>',
      '<b>Email opened</b>',
    ];
    expect(eventTitles(message)).toEqual(expected);
    expect(visibleText(message)).toContain('1 of your own views was hidden');
    const after = readTimeline(id);
    expect(eventTitles(after)).toEqual(expected);
    expect(visibleText(after)).toContain('1 of your own views was hidden');
    expect(visibleText(after)).toContain(
      'The add-on checked the new link from Google Apps Script.',
    );
    expect(visibleText(after)).toContain("The request came from Google's network.");
    expect(visibleText(after)).toContain('The message was opened in Gmail.');
  }, 60_000);
});
