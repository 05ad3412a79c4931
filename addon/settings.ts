/** The Settings card: how long MailPing keeps data, the recipient opt-out, export and erase. */
import type { Settings } from '../shared/contract';
import type { AddonConfig } from './config';

/** Mirrors RETENTION_CHOICES in shared/contract.ts, which the bundle can't import as a value. */
export const RETENTION_CHOICES = [30, 90, 365] as const;

export interface RetentionChoice {
  days: number;
  label: string;
  current: boolean;
}

export interface SettingsView {
  retention: string;
  choices: RetentionChoice[];
  optOut: string;
  optOutOn: boolean;
  privacyUrl: string;
}

export function settingsView(settings: Settings, config: AddonConfig): SettingsView {
  const days = settings.retentionDays;
  return {
    retention:
      `MailPing deletes what it records about a link’s fetches and your signals ` +
      `${days} days after they happen. Changing this applies to what is stored already.`,
    choices: RETENTION_CHOICES.map((choice) => ({
      days: choice,
      label: choice === days ? `✓ ${choice} days` : `${choice} days`,
      current: choice === days,
    })),
    optOut: settings.recipientOptOut
      ? 'On: new pixels carry a small “Read receipt requested — opt out” link. ' +
        'One click stops recording for that message and deletes what was recorded.'
      : 'Off: new pixels carry no opt-out link.',
    optOutOn: settings.recipientOptOut,
    privacyUrl: config.privacyUrl,
  };
}

/** The retention a button asked for, if it is one of the choices. */
export function retentionChoice(value: string | undefined): Settings['retentionDays'] | null {
  return RETENTION_CHOICES.find((days) => String(days) === value) ?? null;
}
