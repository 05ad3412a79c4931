/**
 * Reason codes in plain words. The service explains each event with short
 * namespaced codes; this table turns them into sentences for the timeline.
 * TODO: replace with the shared rule table once it lands in shared/.
 */

/** Codes that read better together than one by one. */
const PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  [
    'net:apple-relay',
    'window:delivery',
    'Apple Mail Privacy Protection fetched the image on delivery',
  ],
  [
    'ua:gmail-prefetch',
    'window:delivery',
    'Gmail fetched the image on delivery to keep a copy in its cache',
  ],
];

const WORDS: Readonly<Record<string, string>> = {
  'ua:gmail-prefetch': 'Gmail’s image proxy fetched the image',
  'ua:google-image-proxy': 'Google’s image proxy fetched the image',
  'ua:apps-script': 'MailPing checked the link from Google’s network',
  'ua:outlook': 'Outlook asked for the image',
  'ua:apple-mail': 'Apple Mail asked for the image',
  'ua:browser': 'A web browser asked for the image',
  'ua:scanner': 'A security scanner fetched the image',
  'net:google': 'The request came from Google’s network',
  'net:apple-relay': 'The request came through Apple’s privacy relay',
  'net:microsoft': 'The request came from Microsoft’s network',
  'net:yahoo': 'The request came from Yahoo’s network',
  'net:other': 'The request came from an ordinary network',
  'window:delivery': 'It happened within moments of delivery',
  'window:creation': 'It happened right after the link was created',
  'window:later': 'It happened well after delivery',
  'signal:created': 'MailPing created the link for you',
  'signal:inserted': 'The add-on put the pixel into your draft',
  'signal:sent': 'You sent the message',
  'signal:sender-view': 'You were viewing the message yourself',
  'cache:repeat': 'A mail provider refreshed its cached copy',
};

const NAMESPACES: Readonly<Record<string, string>> = {
  ua: 'The requesting software gave a telling name',
  net: 'The network the request came from',
  window: 'When it happened',
  signal: 'Something the add-on reported',
};

/** Plain sentences for the reason codes of one event, in the given order. */
export function describeReasons(codes: readonly string[]): string[] {
  const left = [...codes];
  const sentences: string[] = [];
  for (const [first, second, words] of PAIRS) {
    if (left.includes(first) && left.includes(second)) {
      sentences.push(words);
      left.splice(left.indexOf(first), 1);
      left.splice(left.indexOf(second), 1);
    }
  }
  for (const code of left) sentences.push(describeReason(code));
  return sentences;
}

export function describeReason(code: string): string {
  const known = WORDS[code];
  if (known) return known;
  const namespace = NAMESPACES[code.split(':')[0] ?? ''];
  return namespace ? `${namespace} (${code})` : `Other evidence (${code})`;
}
