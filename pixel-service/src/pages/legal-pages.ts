/**
 * The home page, privacy policy and terms, with the operator's name and
 * contact from configuration. The privacy policy must match what the store
 * keeps (pixel-service/README.md, "Data model"); change both together.
 */
import { escapeHtml, page } from './layout';

export interface Operator {
  name: string;
  contact: string;
}

export function homePage(operator: Operator): string {
  return page(
    'MailPing',
    [
      '<h1>MailPing</h1>',
      '<p>MailPing is a Gmail add-on that tells the sender of one important',
      'message whether it arrived and whether it was read. It puts a tiny image',
      'into that message; this service answers requests for the image and',
      'keeps a short record of each, so the sender sees a timeline that says',
      'who most likely loaded the image and how sure that is.</p>',
      '<p>If you received a message with such an image and want no read',
      'receipt, use the “opt out” link under the message when there is one,',
      `or write to ${escapeHtml(operator.contact)}.</p>`,
      `<p>This service is run by ${escapeHtml(operator.name)}.</p>`,
    ].join('\n'),
  );
}

const RECIPIENT_TABLE = [
  ['when the image was loaded', 'to build the timeline'],
  ['the request method and the software’s name (user agent)', 'to tell mail proxies from people'],
  [
    'a few request headers (Accept, Accept-Language, Referer, Via, Sec-Fetch-*, Sec-CH-UA*, ' +
      'If-None-Match, If-Modified-Since)',
    'to tell prefetches and caches from opens',
  ],
  [
    'the network the address belongs to (Google, Apple’s relay, Microsoft, Yahoo or other)',
    'to recognise mail providers’ proxies',
  ],
  ['the address cut to its network part (/24 for IPv4, /48 for IPv6)', 'to group repeat loads'],
];

function table(rows: string[][]): string {
  const body = rows
    .map(
      ([what, why]) =>
        `<tr><td>${escapeHtml(what ?? '')}</td><td>${escapeHtml(why ?? '')}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>what</th><th>why</th></tr>${body}</table>`;
}

export function privacyPage(operator: Operator): string {
  const who = escapeHtml(operator.name);
  const contact = escapeHtml(operator.contact);
  return page(
    'MailPing privacy policy',
    [
      '<h1>Privacy policy</h1>',
      `<p>${who} runs this MailPing service and is responsible for the data`,
      `it keeps. Contact: ${contact}.</p>`,
      '<h2>If you received a message with a MailPing image</h2>',
      '<p>Each time your mail program, or a proxy or scanner working for it,',
      'loads the image, MailPing records:</p>',
      table(RECIPIENT_TABLE),
      '<p>MailPing never stores or logs your full IP address, never looks up',
      'your location beyond the network name above, sets no cookies and runs',
      'no script. It does not record your email address when the image loads.',
      'The sender’s own record of the message includes the addresses they sent',
      'it to, so they can see who a link was for.</p>',
      '<p><strong>Opting out.</strong> When the sender offers it, a small “opt',
      'out” link sits under the message. Its page needs no account: one click',
      'stops recording for that message and deletes what was recorded. The',
      'sender then sees that you opted out. Without such a link, write to',
      `${contact} and forward the message; we will do the same for you.</p>`,
      '<h2>If you use the MailPing add-on</h2>',
      '<p>MailPing keeps your Google account id (not your email address), the',
      'label and recipients of each link you create, what the add-on reports',
      '(the link was inserted, the message was sent and its date, you viewed',
      'it yourself) and your settings. In Settings you can download all of it',
      'as one file and delete all of it at once.</p>',
      '<h2>How long</h2>',
      '<p>Records of image loads and add-on reports are kept 30, 90 or 365',
      'days, as the sender chooses (90 unless they choose), and then deleted,',
      'usually within a day. A link itself is kept until its sender deletes it',
      'or all their data. Changing the setting applies to what is already',
      'stored.</p>',
      '<h2>Logs</h2>',
      '<p>The service logs one line per request: the kind of request, its',
      'status and how long it took, never the image address, a full IP address',
      'or an email address. If a load cannot be stored at once, its record',
      '(as in the table above) is written to the log so it can be stored',
      'later. Logs are kept by Google Cloud Logging for 30 days.</p>',
      '<h2>Who else sees it</h2>',
      '<p>The data is stored with Google Cloud (Cloud Run, Firestore, Cloud',
      'Logging), which processes it for us. We do not sell it, show ads or',
      'share it with anyone else.</p>',
    ].join('\n'),
  );
}

export function termsPage(operator: Operator): string {
  const who = escapeHtml(operator.name);
  return page(
    'MailPing terms of service',
    [
      '<h1>Terms of service</h1>',
      `<p>These terms cover the MailPing add-on and service run by ${who}.`,
      `Questions: ${escapeHtml(operator.contact)}.</p>`,
      '<h2>What MailPing is for</h2>',
      '<p>MailPing tracks one important message at a time so its sender knows',
      'whether it arrived and was read. It is not for bulk or marketing email,',
      'and may not be used to track people who asked not to be tracked.</p>',
      '<h2>Your part</h2>',
      '<p>You are responsible for using MailPing lawfully where you and your',
      'recipients are, including telling recipients where the law asks for it.',
      'Offering the recipient opt-out link in Settings is an easy way to do so.</p>',
      '<h2>Our part</h2>',
      '<p>We run the service with care and keep data only as the privacy policy',
      'says. MailPing reports what most likely happened and how sure it is; a',
      'read receipt can never be certain, because mail programs and proxies',
      'load images on their own.</p>',
      '<h2>No warranty</h2>',
      '<p>The service is provided as it is, without warranty. To the extent the',
      'law allows, we are not liable for indirect losses or for decisions made',
      'on its reports.</p>',
      '<h2>Ending</h2>',
      '<p>You can stop at any time and delete all your data in Settings. We may',
      'suspend use that breaks these terms. We will announce changes to these',
      'terms on this page before they apply.</p>',
    ].join('\n'),
  );
}
