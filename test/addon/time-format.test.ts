import { formatTime } from '../../addon/time-format';

const at = '2025-01-15T18:05:00.000Z';

describe('times for the user', () => {
  it('uses the user’s time zone and locale', () => {
    expect(formatTime(at, { locale: 'en-US', timeZone: 'America/New_York' })).toBe(
      'Jan 15, 2025, 1:05 PM',
    );
    expect(formatTime(at, { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe(
      '15.01.2025, 19:05',
    );
  });

  it('falls back to English and UTC for a zone it does not know', () => {
    expect(formatTime(at, { locale: 'en', timeZone: 'Mars/Olympus' })).toBe(
      'Jan 15, 2025, 6:05 PM',
    );
  });
});
