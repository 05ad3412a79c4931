/**
 * The add-on's global entry points: the functions appsscript.json and card
 * actions name. Each turns the Gmail event into plain values, calls a tested
 * function, and draws an error card if that throws. The build makes every
 * export here a top-level function of the bundle.
 */

import { composeCard, LABEL_INPUT, readyCard } from './cards/compose-card';
import { errorCard } from './cards/error-card';
import { homeCard } from './cards/home-card';
import { messageCard } from './cards/message-card';
import { confirmDeleteAllCard, deletedAllCard, settingsCard } from './cards/settings-card';
import { confirmDeleteLinkCard, pixelUrlCard, timelineCard } from './cards/timeline-card';
import { push, replace } from './cards/widgets';
import { type ServiceClient, serviceClient } from './client';
import { composeView, type DraftFacts, insertLink, mintLink } from './compose';
import { type AddonConfig, ConfigError, readConfig } from './config';
import { type AddonEvent, draftRecipients, formValue, parameter, userContext } from './event';
import { homeView } from './homepage';
import { inspectMessage } from './message';
import { ServiceError } from './service-error';
import { retentionChoice, settingsView } from './settings';
import { timelineView } from './timeline';

type Card = GoogleAppsScript.Card_Service.Card;
type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

interface Context {
  config: AddonConfig;
  client: ServiceClient;
}

function context(): Context {
  const config = readConfig();
  return { config, client: serviceClient(config) };
}

function userEmail(): string {
  return Session.getActiveUser().getEmail();
}

function draftFacts(e: AddonEvent): DraftFacts {
  return { recipients: draftRecipients(e), subject: e.gmail?.subject };
}

function required(e: AddonEvent, key: string): string {
  const value = parameter(e, key);
  if (!value) throw new ServiceError(400, 'This button lost its link. Reopen MailPing.');
  return value;
}

/** What the user reads when an entry point fails; unknown errors stay vague. */
function failureMessage(entry: string, error: unknown): string {
  if (error instanceof ServiceError || error instanceof ConfigError) return error.message;
  // Only the error's kind: messages from Google services can quote addresses.
  console.error(JSON.stringify({ entry, error: error instanceof Error ? error.name : 'unknown' }));
  return 'Something unexpected went wrong. Try again in a moment.';
}

function cardOrError(entry: string, draw: () => Card): Card {
  try {
    return draw();
  } catch (error) {
    return errorCard(failureMessage(entry, error));
  }
}

function responseOrError(entry: string, respond: () => ActionResponse): ActionResponse {
  try {
    return respond();
  } catch (error) {
    return push(errorCard(failureMessage(entry, error)));
  }
}

function drawHome(e: AddonEvent, fresh: boolean): Card {
  const { client } = context();
  return homeCard(homeView(client.listLinks(undefined, { fresh }), userContext(e)), true);
}

function drawTimeline(e: AddonEvent, fresh: boolean): Card {
  const detail = context().client.getLink(required(e, 'id'), { fresh });
  return timelineCard(timelineView(detail, userContext(e)));
}

export function onHomepage(e: AddonEvent): Card {
  return cardOrError('homepage', () => drawHome(e, false));
}

export function onComposeTrigger(e: AddonEvent): Card[] {
  return [cardOrError('compose', () => composeCard(composeView(draftFacts(e), userEmail())))];
}

export function onCreateLink(e: AddonEvent): ActionResponse {
  return responseOrError('create-link', () => {
    const minted = mintLink(
      context().client,
      draftFacts(e),
      formValue(e, LABEL_INPUT),
      userEmail(),
    );
    return replace(readyCard(minted));
  });
}

export function onInsertIntoDraft(
  e: AddonEvent,
): GoogleAppsScript.Card_Service.UpdateDraftActionResponse | ActionResponse {
  try {
    const { client, config } = context();
    const html = insertLink(client, config.serviceUrl, {
      id: required(e, 'id'),
      pixelUrl: required(e, 'pixelUrl'),
      optOutUrl: parameter(e, 'optOutUrl'),
    });
    const body = CardService.newUpdateDraftBodyAction()
      .addUpdateContent(html, CardService.ContentType.MUTABLE_HTML)
      .setUpdateType(CardService.UpdateDraftBodyType.IN_PLACE_INSERT);
    return CardService.newUpdateDraftActionResponseBuilder().setUpdateDraftBodyAction(body).build();
  } catch (error) {
    return push(errorCard(failureMessage('insert', error)));
  }
}

export function onMessageOpen(e: AddonEvent): Card {
  return cardOrError('message', () => {
    const { client, config } = context();
    GmailApp.setCurrentMessageAccessToken(e.gmail?.accessToken ?? '');
    const message = GmailApp.getMessageById(e.gmail?.messageId ?? '');
    const facts = {
      body: message.getBody(),
      from: message.getFrom(),
      sentAt: new Date(message.getDate().getTime()),
    };
    const view = inspectMessage(client, config.serviceUrl, facts, userEmail(), userContext(e));
    return messageCard(view);
  });
}

function drawSettings(): Card {
  const { client, config } = context();
  return settingsCard(settingsView(client.getSettings(), config));
}

export function onSettings(_e: AddonEvent): GoogleAppsScript.Card_Service.UniversalActionResponse {
  const drawn = cardOrError('settings', drawSettings);
  return CardService.newUniversalActionResponseBuilder().displayAddOnCards([drawn]).build();
}

export function onSetRetention(e: AddonEvent): ActionResponse {
  return responseOrError('set-retention', () => {
    const days = retentionChoice(parameter(e, 'days'));
    if (!days) throw new ServiceError(400, 'That retention period is not one MailPing offers.');
    const { client, config } = context();
    const saved = client.saveSettings({ retentionDays: days });
    return replace(settingsCard(settingsView(saved, config)));
  });
}

export function onSetRecipientOptOut(e: AddonEvent): ActionResponse {
  return responseOrError('set-opt-out', () => {
    const { client, config } = context();
    const saved = client.saveSettings({ recipientOptOut: parameter(e, 'on') === 'true' });
    return replace(settingsCard(settingsView(saved, config)));
  });
}

/** Opens the export in the browser: a signed link that works for a few minutes. */
export function onExportData(_e: AddonEvent): ActionResponse {
  return responseOrError('export', () => {
    const { url } = context().client.exportLink();
    return CardService.newActionResponseBuilder()
      .setOpenLink(CardService.newOpenLink().setUrl(url))
      .build();
  });
}

export function onOpenTimeline(e: AddonEvent): ActionResponse {
  return responseOrError('open-timeline', () => push(drawTimeline(e, false)));
}

export function onRefreshTimeline(e: AddonEvent): ActionResponse {
  return responseOrError('refresh-timeline', () => replace(drawTimeline(e, true)));
}

export function onShowPixelUrl(e: AddonEvent): ActionResponse {
  return responseOrError('pixel-url', () => push(pixelUrlCard(required(e, 'pixelUrl'))));
}

export function onConfirmDeleteLink(e: AddonEvent): ActionResponse {
  return responseOrError('confirm-delete-link', () =>
    push(confirmDeleteLinkCard(required(e, 'id'), parameter(e, 'label') ?? '')),
  );
}

export function onDeleteLink(e: AddonEvent): ActionResponse {
  return responseOrError('delete-link', () => {
    context().client.deleteLink(required(e, 'id'));
    return backToRoot(drawHome(e, true), 'Link deleted.');
  });
}

export function onRefreshHome(e: AddonEvent): ActionResponse {
  return responseOrError('refresh-home', () => replace(drawHome(e, true)));
}

export function onMoreLinks(e: AddonEvent): ActionResponse {
  return responseOrError('more-links', () => {
    const list = context().client.listLinks(required(e, 'cursor'));
    return push(homeCard(homeView(list, userContext(e)), false));
  });
}

export function onConfirmDeleteAll(_e: AddonEvent): ActionResponse {
  return responseOrError('confirm-delete-all', () => push(confirmDeleteAllCard()));
}

export function onDeleteAll(_e: AddonEvent): ActionResponse {
  return responseOrError('delete-all', () => {
    context().client.deleteMyData();
    return backToRoot(deletedAllCard(), 'All your MailPing data was deleted.');
  });
}

function backToRoot(root: Card, note: string): ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNavigation(CardService.newNavigation().popToRoot().updateCard(root))
    .setNotification(CardService.newNotification().setText(note))
    .build();
}
