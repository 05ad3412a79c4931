/**
 * Names the kind of client behind a `User-Agent`. It runs when a timeline is
 * read, not when a fetch is stored, so a better pattern here applies to old
 * fetches too. Mail clients and mail proxies are not what general browser
 * parsers know, so exact patterns from public reports do the work.
 */

/** The kinds of client the rules tell apart. */
export type ClientFamily =
  | 'apps-script'
  | 'gmail-proxy'
  | 'gmail-prefetch'
  | 'yahoo-proxy'
  | 'scanner'
  | 'outlook'
  | 'thunderbird'
  | 'mail-app'
  | 'apple-bare'
  | 'chrome-like'
  | 'browser'
  | 'empty'
  | 'unknown';

/** The exact string of Gmail's prefetch bot: an old Edge build with a stray suffix. */
export const GMAIL_PREFETCH_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/42.0.2311.135 Safari/537.36 Edge/12.246 Mozilla/5.0';

const SCANNER_MARKERS = [
  'mimecast',
  'proofpoint',
  'barracuda',
  'safelinks',
  'messagelabs',
  'symantec',
  'ironport',
  'trend micro',
  'trendmicro',
  'sophos',
  'fortimail',
  'cloudmark',
];
const OUTLOOK = /Microsoft Outlook|ms-office|MSOffice/i;
const MAIL_APP =
  /\b(Airmail|Spark|eM ?Client|Postbox|Mailbird|K-9 Mail|FairEmail|SamsungEmail|BlueMail)\b/i;
// Apple Mail shows images with WebKit's bare identity: no browser or version
// token after `(KHTML, like Gecko)`.
const APPLE_BARE =
  /^Mozilla\/5\.0 \((Macintosh|iPhone|iPad|iPod)[^)]*\) AppleWebKit\/[\d.]+ \(KHTML, like Gecko\)$/;

const PATTERNS: [ClientFamily, (agent: string) => boolean][] = [
  ['apps-script', (a) => a.includes('Google-Apps-Script')],
  ['gmail-prefetch', (a) => a === GMAIL_PREFETCH_AGENT],
  ['gmail-proxy', (a) => a.includes('GoogleImageProxy')],
  ['yahoo-proxy', (a) => a.includes('YahooMailProxy')],
  ['scanner', (a) => SCANNER_MARKERS.some((marker) => a.toLowerCase().includes(marker))],
  ['outlook', (a) => OUTLOOK.test(a)],
  ['thunderbird', (a) => a.includes('Thunderbird/')],
  ['mail-app', (a) => MAIL_APP.test(a)],
  ['apple-bare', (a) => a === 'Mozilla/5.0' || APPLE_BARE.test(a)],
  ['chrome-like', (a) => /\b(Chrome|Chromium|HeadlessChrome)\/\d/.test(a)],
  ['browser', (a) => /\b(Firefox|Safari|Edg|OPR)\/\d|\bGecko\//.test(a)],
];

/** The client family a `User-Agent` names; `unknown` when nothing matches. */
export function clientFamily(userAgent: string): ClientFamily {
  const agent = userAgent.trim();
  if (agent === '') return 'empty';
  return PATTERNS.find(([, matches]) => matches(agent))?.[0] ?? 'unknown';
}
