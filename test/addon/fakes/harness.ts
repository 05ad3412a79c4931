/** One place to start an add-on test: fakes installed, a fake service behind them. */
import type { AddonEvent } from '../../../addon/event';
import { type AppsScriptOptions, installAppsScript } from './apps-script';
import { FakeService, SERVICE_URL } from './fake-service';

export const SENDER = 'sender@example.com';
export const LONDON = { locale: 'en_GB', timeZone: 'Europe/London' };

export function startAddon(options: Partial<AppsScriptOptions> = {}) {
  const service = new FakeService();
  const apps = installAppsScript({
    transport: service.transport,
    scriptProperties: { SERVICE_URL },
    userEmail: SENDER,
    ...options,
  });
  return { service, apps, restore: apps.restore };
}

function common(parameters: Record<string, string> = {}) {
  return {
    userLocale: LONDON.locale,
    timeZone: { id: LONDON.timeZone, offset: 0 },
    parameters,
  };
}

export function homepageEvent(): AddonEvent {
  return { commonEventObject: common() };
}

export function composeEvent(draft: { to?: string[]; subject?: string; label?: string }) {
  const event: AddonEvent = {
    commonEventObject: common(),
    gmail: { toRecipients: draft.to ?? [], subject: draft.subject },
  };
  if (draft.label !== undefined && event.commonEventObject) {
    event.commonEventObject.formInputs = { label: { stringInputs: { value: [draft.label] } } };
  }
  return event;
}

export function actionEvent(parameters: Record<string, string>): AddonEvent {
  return { commonEventObject: common(parameters) };
}

export function messageEvent(messageId: string, accessToken: string): AddonEvent {
  return { commonEventObject: common(), gmail: { messageId, accessToken } };
}
