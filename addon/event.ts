/**
 * The parts of an add-on event object that MailPing reads, and the plain
 * values entry points pass on. Gmail leaves out whatever the trigger or the
 * granted scopes don't cover, so every field is optional.
 */
export interface AddonEvent {
  commonEventObject?: {
    userLocale?: string;
    timeZone?: { id?: string; offset?: number };
    parameters?: Record<string, string>;
    formInputs?: Record<string, { stringInputs?: { value?: string[] } }>;
  };
  gmail?: {
    messageId?: string;
    accessToken?: string;
    toRecipients?: string[];
    ccRecipients?: string[];
    bccRecipients?: string[];
    subject?: string;
  };
}

/** Where and how to show times to the user. */
export interface UserContext {
  locale: string;
  timeZone: string;
}

export function userContext(e: AddonEvent): UserContext {
  const common = e.commonEventObject;
  // Gmail sends locales such as `en_GB`; Intl wants `en-GB`.
  const locale = (common?.userLocale ?? 'en').replace(/_/g, '-');
  return { locale, timeZone: common?.timeZone?.id ?? 'UTC' };
}

export function parameter(e: AddonEvent, key: string): string | undefined {
  return e.commonEventObject?.parameters?.[key];
}

export function formValue(e: AddonEvent, name: string): string | undefined {
  return e.commonEventObject?.formInputs?.[name]?.stringInputs?.value?.[0];
}

/** Everyone the draft is addressed to, as Gmail reports it with metadata access. */
export function draftRecipients(e: AddonEvent): string[] {
  const gmail = e.gmail;
  if (!gmail) return [];
  return [
    ...(gmail.toRecipients ?? []),
    ...(gmail.ccRecipients ?? []),
    ...(gmail.bccRecipients ?? []),
  ];
}
