/**
 * Plain words for every reason code an event or an ignored fetch can carry,
 * so the add-on can explain a timeline without knowing the rules.
 */
import { RULES } from './rules';

/** Evidence codes (everything but `rule:`), each with its plain words. */
export const EVIDENCE: Record<string, string> = {
  'ua:apps-script': 'The client was Google Apps Script, which the add-on runs on.',
  'ua:gmail-proxy': "The client was Gmail's image proxy.",
  'ua:gmail-prefetch': "The client was Gmail's prefetch bot.",
  'ua:yahoo-proxy': "The client was Yahoo's image proxy.",
  'ua:scanner': 'The client named a mail security product.',
  'ua:outlook': 'The client was Outlook.',
  'ua:thunderbird': 'The client was Thunderbird.',
  'ua:mail-app': 'The client was a mail app.',
  'ua:apple-bare': 'The client gave the minimal identity Apple Mail uses.',
  'ua:chrome-like': 'The client looked like a Chrome browser.',
  'ua:browser': 'The client looked like a web browser.',
  'ua:empty': 'The client gave no identity.',
  'ua:unknown': 'The client gave an identity we do not recognise.',
  'net:google': "The request came from Google's network.",
  'net:apple-relay': "The request came from Apple's Private Relay network.",
  'net:microsoft': "The request came from Microsoft's mail network.",
  'net:yahoo': "The request came from Yahoo's network.",
  'net:other': 'The request came from an ordinary network, not a known mail proxy.',
  'phase:before-sent': 'It happened before the message was sent.',
  'window:unsent-sender': 'No send was reported, and it came within 10 minutes of making the link.',
  'window:delivery': 'It came within a minute of sending.',
  'window:after-delivery': 'It came more than a minute after sending.',
  'window:scan': 'It came within two minutes of sending.',
  'window:device-sync': 'It came within 30 minutes of sending.',
  'window:late': 'It came long after sending.',
  'window:multi-agent': 'The same address fetched as another client within 10 seconds.',
  'signal:inserted': 'The add-on reported inserting the image.',
  'signal:sender-view': 'The add-on reported you had the message open.',
  'signal:no-sent': 'No send was reported, so this call is less certain.',
  'order:after-check': 'The provider had already made its delivery check, so this is a reader.',
  'repeat:same-source': 'Repeated fetches from one source are counted as one.',
  'reader:another': 'A different client on a different network: another reader or a forward.',
};

/** Link-wide notices a timeline can carry, each with its plain words. */
export const NOTICES: Record<string, string> = {
  'signal:no-sent':
    'No send was reported yet, so MailPing is less sure what each fetch was. ' +
    'Open the sent message with MailPing open to report it.',
  'window:delivery-open':
    'The message was sent less than a minute ago; a fetch now may still be a delivery check.',
  'reader:another': 'A second reader appeared: the message may have been forwarded.',
};

/** Plain words for a reason code, or the code itself when it is unknown. */
export function explainReason(code: string): string {
  if (code.startsWith('rule:')) {
    return RULES.find((r) => `rule:${r.code}` === code)?.says ?? code;
  }
  return EVIDENCE[code] ?? code;
}

/** Plain words for a notice code, or the code itself when it is unknown. */
export function explainNotice(code: string): string {
  return NOTICES[code] ?? code;
}
