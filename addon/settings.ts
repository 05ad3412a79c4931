/** The Settings card: what MailPing keeps, for how long, and how to erase it. */
import type { AddonConfig } from './config';

export interface SettingsView {
  retention: string;
  privacyUrl: string;
}

export function settingsView(config: AddonConfig): SettingsView {
  const days = config.retentionDays;
  return {
    retention:
      days === null
        ? 'MailPing keeps a link’s fetches until you delete the link.'
        : `MailPing deletes a link’s fetches ${days} days after they happen.`,
    privacyUrl: config.privacyUrl,
  };
}
