/**
 * One person's click-through of the add-on: a mock draft, the compose panel
 * and the sidebar, each a stack of cards as Gmail keeps them. The add-on's
 * own entry points run here against the Apps Script fakes, talking to the
 * real service; recipients' clients fetch the pixel as they would.
 */
import { type FakeMessage, installAppsScript } from '../../test/addon/fakes/apps-script';
import { tree } from '../../test/addon/fakes/card-service';
import { fromAddress, syncHttpTransport } from '../../test/addon/fakes/sync-http';
import { ActionName } from '../action-names';
import type { AddonEvent } from '../event';
import {
  onComposeTrigger,
  onConfirmDeleteAll,
  onConfirmDeleteLink,
  onCreateLink,
  onDeleteAll,
  onDeleteLink,
  onHomepage,
  onInsertIntoDraft,
  onMessageOpen,
  onMoreLinks,
  onOpenTimeline,
  onRefreshHome,
  onRefreshTimeline,
  onShowPixelUrl,
} from '../main';
import { APPS_SCRIPT_ADDRESS, GMAIL, type PixelClient } from './clients';
import { renderCard } from './render-card';

type Json = Record<string, unknown>;
export type Panel = 'compose' | 'sidebar';

const SENDER = 'developer@example.com';
const MESSAGE_ID = 'preview-sent';
const ACCESS_TOKEN = 'preview-access-token';

/** The callbacks a card's buttons may name, as Apps Script finds them by name. */
const ACTIONS: Readonly<Record<string, (e: AddonEvent) => unknown>> = {
  [ActionName.createLink]: onCreateLink,
  [ActionName.insertIntoDraft]: onInsertIntoDraft,
  [ActionName.openTimeline]: onOpenTimeline,
  [ActionName.refreshTimeline]: onRefreshTimeline,
  [ActionName.showPixelUrl]: onShowPixelUrl,
  [ActionName.confirmDeleteLink]: onConfirmDeleteLink,
  [ActionName.deleteLink]: onDeleteLink,
  [ActionName.refreshHome]: onRefreshHome,
  [ActionName.moreLinks]: onMoreLinks,
  [ActionName.confirmDeleteAll]: onConfirmDeleteAll,
  [ActionName.deleteAll]: onDeleteAll,
};

/** What the page shows. */
export interface PreviewState {
  draft: { from: string; to: string; subject: string; pixelUrl: string | null };
  sentAt: string | null;
  compose: string | null;
  sidebar: string | null;
  /** How many cards deep each panel is; above one, the page offers Back. */
  depth: Record<Panel, number>;
  notification: string | null;
  log: string[];
}

export class PreviewSession {
  private readonly messages: FakeMessage[] = [];
  private readonly apps;
  private draft = { to: 'reader@example.org', subject: 'Offer letter', body: '' };
  private pixelUrl: string | null = null;
  private sentAt: Date | null = null;
  private stacks: Record<Panel, Json[]> = { compose: [], sidebar: [] };
  private notification: string | null = null;
  private readonly log: string[] = [];

  constructor(serviceUrl: string) {
    this.apps = installAppsScript({
      transport: fromAddress(syncHttpTransport(), APPS_SCRIPT_ADDRESS),
      scriptProperties: { SERVICE_URL: serviceUrl },
      userEmail: SENDER,
      identityToken: 'dev',
      messages: this.messages,
      accessTokens: { [MESSAGE_ID]: ACCESS_TOKEN },
    });
    this.openCompose();
    this.stacks.sidebar = [tree(onHomepage(this.event()))];
  }

  state(): PreviewState {
    const top = (panel: Panel) => this.stacks[panel].at(-1);
    const html = (panel: Panel) => {
      const card = top(panel);
      return card ? renderCard(card) : null;
    };
    return {
      draft: {
        from: SENDER,
        to: this.draft.to,
        subject: this.draft.subject,
        pixelUrl: this.pixelUrl,
      },
      sentAt: this.sentAt?.toISOString() ?? null,
      compose: html('compose'),
      sidebar: html('sidebar'),
      depth: { compose: this.stacks.compose.length, sidebar: this.stacks.sidebar.length },
      notification: this.notification,
      log: [...this.log],
    };
  }

  setDraft(fields: { to?: string; subject?: string }) {
    if (this.sentAt) return;
    if (fields.to !== undefined) this.draft.to = fields.to;
    if (fields.subject !== undefined) this.draft.subject = fields.subject;
  }

  /** What Gmail does when the user opens the add-on from the draft's toolbar. */
  openCompose() {
    if (this.sentAt) return;
    const cards = onComposeTrigger(this.composeEvent()) as unknown[];
    this.stacks.compose = cards.map(tree);
  }

  /** A button or clickable row on a card, by the function it names. */
  /**
   * Asks the service again for the home card when the side panel shows it:
   * links may have been minted since the card was drawn, and a person
   * opening the page expects to see them.
   */
  refreshHome(): void {
    if (this.stacks.sidebar.length === 1) this.act('sidebar', ActionName.refreshHome, {}, {});
  }

  act(
    panel: Panel,
    name: string,
    parameters: Record<string, string>,
    form: Record<string, string>,
  ) {
    const call = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
    if (!call) throw new Error(`not a card action: ${name}`);
    this.notification = null;
    const event =
      panel === 'compose' ? this.composeEvent(parameters, form) : this.event(parameters);
    this.apply(panel, tree(call(event)));
  }

  back(panel: Panel) {
    if (this.stacks[panel].length > 1) this.stacks[panel].pop();
  }

  /** Sends the draft: Gmail closes the compose panel and the message is in Sent. */
  send() {
    if (this.sentAt) return;
    this.sentAt = new Date();
    this.messages.push({
      id: MESSAGE_ID,
      from: `You <${SENDER}>`,
      body: `<p>Hello,</p><p>please find the offer attached.</p>${this.draft.body}`,
      date: this.sentAt,
    });
    this.stacks.compose = [];
    this.log.push(`You sent “${this.draft.subject}” to ${this.draft.to}.`);
  }

  /** The sender opens their sent message: Gmail loads the image, the add-on reports the view. */
  async openSent() {
    if (!this.sentAt) return;
    if (this.pixelUrl) await this.fetchPixel(GMAIL, 'Your own Gmail');
    this.stacks.sidebar = [tree(onMessageOpen(this.messageEvent()))];
  }

  /** A recipient's client fetches the pixel; an open timeline then refreshes. */
  async recipientFetch(client: PixelClient) {
    if (!this.pixelUrl || !this.sentAt) return;
    await this.fetchPixel(client, client.name);
    const top = this.stacks.sidebar.at(-1);
    for (const name of [ActionName.refreshTimeline, ActionName.refreshHome]) {
      const parameters = actionIn(top, name);
      if (parameters) return this.act('sidebar', name, parameters, {});
    }
  }

  close() {
    this.apps.restore();
  }

  private async fetchPixel(client: PixelClient, who: string) {
    const url = this.pixelUrl as string;
    const response = await fetch(url, {
      headers: { 'User-Agent': client.userAgent, 'X-Forwarded-For': client.address },
    });
    await response.arrayBuffer();
    this.log.push(
      `${who} fetched the pixel from ${client.address} as “${client.userAgent}”: ` +
        `${response.status} ${response.headers.get('content-type') ?? ''}`,
    );
  }

  private apply(panel: Panel, response: Json) {
    const inserted = draftContent(response);
    if (inserted !== null) {
      this.draft.body += inserted;
      this.pixelUrl = /src="([^"]+)"/.exec(inserted)?.[1]?.replace(/&amp;/g, '&') ?? null;
      this.notification = 'The pixel is in your draft.';
      return;
    }
    const action = (response.renderActions as Json | undefined)?.action as Json | undefined;
    for (const step of (action?.navigations as Json[] | undefined) ?? []) {
      this.navigate(panel, step);
    }
    const note = (action?.notification as Json | undefined)?.text;
    if (typeof note === 'string') this.notification = note;
  }

  private navigate(panel: Panel, step: Json) {
    const stack = this.stacks[panel];
    if (step.pushCard) stack.push(step.pushCard as Json);
    if (step.updateCard) stack.splice(Math.max(stack.length - 1, 0), 1, step.updateCard as Json);
    if (step.popCard && stack.length > 1) stack.pop();
    if (step.popToRoot) stack.splice(1);
  }

  private common(parameters: Record<string, string> = {}, form: Record<string, string> = {}) {
    const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions();
    const formInputs = Object.fromEntries(
      Object.entries(form).map(([name, value]) => [name, { stringInputs: { value: [value] } }]),
    );
    return {
      userLocale: locale.replace(/-/g, '_'),
      timeZone: { id: timeZone, offset: 0 },
      parameters,
      formInputs,
    };
  }

  private event(parameters?: Record<string, string>): AddonEvent {
    return { commonEventObject: this.common(parameters) };
  }

  private composeEvent(parameters?: Record<string, string>, form?: Record<string, string>) {
    const toRecipients = this.draft.to
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    return {
      commonEventObject: this.common(parameters, form),
      gmail: { toRecipients, subject: this.draft.subject },
    } satisfies AddonEvent;
  }

  private messageEvent(): AddonEvent {
    return {
      commonEventObject: this.common(),
      gmail: { messageId: MESSAGE_ID, accessToken: ACCESS_TOKEN },
    };
  }
}

/** The parameters of the first action on a card that calls `name`. */
function actionIn(node: unknown, name: string): Record<string, string> | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = actionIn(item, name);
      if (found) return found;
    }
    return null;
  }
  if (!node || typeof node !== 'object') return null;
  const json = node as Json;
  if (json.function !== name) return actionIn(Object.values(json), name);
  const list = (json.parameters as { key: string; value: string }[] | undefined) ?? [];
  return Object.fromEntries(list.map((p) => [p.key, p.value]));
}

/** The markup an UpdateDraftActionResponse puts into the draft, if it is one. */
function draftContent(response: Json): string | null {
  const gmail = (response.hostAppAction as Json | undefined)?.gmailAction as Json | undefined;
  const markup = gmail?.updateDraftActionMarkup as Json | undefined;
  const body = markup?.updateBody as { insertContents?: { content: string }[] } | undefined;
  return body ? (body.insertContents ?? []).map((c) => c.content).join('') : null;
}
