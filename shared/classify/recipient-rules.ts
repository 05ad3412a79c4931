/**
 * Rules for fetches after sending, tried in order; the first that matches
 * decides. Proxies and scanners come before the client rules because a proxy
 * often presents itself as an ordinary client.
 */
import { type Context, type FetchView, sinceSent } from './context';
import { type Verdict, verdict } from './verdict';
import {
  DELIVERY_WINDOW_MS,
  DEVICE_SYNC_WINDOW_MS,
  MULTI_AGENT_WINDOW_MS,
  SCAN_WINDOW_MS,
  SENDER_VIEW_WINDOW_MS,
} from './windows';

/** What the recipient-side rules remember from earlier fetches. */
export interface RecipientState {
  yahooSeen: boolean;
}

type RecipientRule = (view: FetchView, ctx: Context, state: RecipientState) => Verdict | null;

const within = (ms: number | null, limit: number) => ms !== null && ms >= 0 && ms <= limit;

const senderView: RecipientRule = ({ fetch, family }, ctx) => {
  // The sender reads in Gmail, so only Google's fetches can be their views.
  if (fetch.network !== 'google' && family !== 'gmail-proxy') return null;
  const near = ctx.senderViews.some((at) => Math.abs(fetch.at - at) <= SENDER_VIEW_WINDOW_MS);
  return near
    ? verdict('sender-view', 'high', ['signal:sender-view', `net:${fetch.network}`])
    : null;
};

const prefetchBot: RecipientRule = ({ fetch, family }) => {
  if (family !== 'gmail-prefetch') return null;
  const sure = fetch.network === 'google' ? 'high' : 'medium';
  return verdict('prefetch-bot', sure, ['ua:gmail-prefetch', `net:${fetch.network}`]);
};

const scannerAgent: RecipientRule = ({ fetch, family }) =>
  family === 'scanner'
    ? verdict('scanner-agent', 'high', ['ua:scanner', `net:${fetch.network}`])
    : null;

const applePrivacy: RecipientRule = ({ fetch, family }, ctx) => {
  if (family !== 'apple-bare' || fetch.network !== 'apple-relay') return null;
  const soon = within(sinceSent(ctx, fetch.at), DEVICE_SYNC_WINDOW_MS);
  const evidence = [
    'ua:apple-bare',
    'net:apple-relay',
    soon ? 'window:device-sync' : 'window:late',
  ];
  return verdict('apple-privacy', soon ? 'high' : 'medium', evidence);
};

const microsoftScan: RecipientRule = ({ fetch, family }, ctx) => {
  if (fetch.network !== 'microsoft' || family !== 'chrome-like') return null;
  if (!within(sinceSent(ctx, fetch.at), SCAN_WINDOW_MS)) return null;
  return verdict('microsoft-scan', 'high', ['net:microsoft', 'ua:chrome-like', 'window:scan']);
};

const multiAgent: RecipientRule = ({ fetch, family }, ctx) => {
  // Google's proxies share addresses across many users; their own rules decide.
  if (fetch.network === 'google' || fetch.ipPrefix === '') return null;
  const twin = (ctx.byPrefix.get(fetch.ipPrefix) ?? []).some(
    (other) =>
      other.fetch.userAgent !== fetch.userAgent &&
      other.fetch.at >= ctx.senderUntil &&
      Math.abs(other.fetch.at - fetch.at) <= MULTI_AGENT_WINDOW_MS,
  );
  if (!twin) return null;
  return verdict('multi-agent', 'medium', [
    'window:multi-agent',
    `ua:${family}`,
    `net:${fetch.network}`,
  ]);
};

const gmailProxy: RecipientRule = ({ fetch, family }, ctx) => {
  if (family !== 'gmail-proxy') return null;
  const since = sinceSent(ctx, fetch.at);
  const evidence = ['ua:gmail-proxy', `net:${fetch.network}`];
  if (within(since, DELIVERY_WINDOW_MS)) {
    return verdict('gmail-delivery', 'medium', [...evidence, 'window:delivery']);
  }
  const sure = fetch.network === 'google' ? 'high' : 'medium';
  const late = since === null ? [] : ['window:after-delivery'];
  return verdict('gmail-open', sure, [...evidence, ...late]);
};

const yahooProxy: RecipientRule = ({ fetch, family }, ctx, state) => {
  if (family !== 'yahoo-proxy') return null;
  const first = !state.yahooSeen;
  state.yahooSeen = true;
  const since = sinceSent(ctx, fetch.at);
  const evidence = ['ua:yahoo-proxy', `net:${fetch.network}`];
  if (!within(since, DELIVERY_WINDOW_MS)) {
    const late = since === null ? [] : ['window:after-delivery'];
    return verdict('yahoo-open', 'high', [...evidence, ...late]);
  }
  if (first) return verdict('yahoo-delivery', 'medium', [...evidence, 'window:delivery']);
  // Yahoo checks once on arrival; a second fetch this soon is a quick reader.
  return verdict('yahoo-open', 'medium', [...evidence, 'window:delivery', 'order:after-check']);
};

const appleClient: RecipientRule = ({ fetch, family }) => {
  if (family !== 'apple-bare') return null;
  return verdict('apple-client', 'medium', ['ua:apple-bare', `net:${fetch.network}`]);
};

const mailClient: RecipientRule = ({ fetch, family }) => {
  if (!['outlook', 'thunderbird', 'mail-app'].includes(family)) return null;
  if (fetch.network !== 'other') return null;
  return verdict('mail-client', 'high', [`ua:${family}`, 'net:other']);
};

const noAgent: RecipientRule = ({ fetch, family }) =>
  family === 'empty' ? verdict('no-agent', 'low', ['ua:empty', `net:${fetch.network}`]) : null;

const otherOpen: RecipientRule = ({ fetch, family }) =>
  verdict('other-open', 'low', [`ua:${family}`, `net:${fetch.network}`]);

const ORDER: RecipientRule[] = [
  senderView,
  prefetchBot,
  scannerAgent,
  applePrivacy,
  microsoftScan,
  multiAgent,
  gmailProxy,
  yahooProxy,
  appleClient,
  mailClient,
  noAgent,
  otherOpen,
];

/** The verdict of the first recipient-side rule that matches `view`. */
export function decideRecipientSide(view: FetchView, ctx: Context, state: RecipientState): Verdict {
  for (const rule of ORDER) {
    const decided = rule(view, ctx, state);
    if (decided) return decided;
  }
  return otherOpen(view, ctx, state) as Verdict;
}
