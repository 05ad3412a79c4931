/** Times as the user reads them: their time zone, their locale. */
import type { UserContext } from './event';

export function formatTime(iso: string, user: UserContext): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown time';
  try {
    return formatter(user.locale, user.timeZone).format(date);
  } catch {
    // An unknown locale or zone from the host must not break a card.
    return formatter('en', 'UTC').format(date);
  }
}

function formatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}
