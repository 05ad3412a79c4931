/**
 * The time windows the rules use, each with the reason for its size. They
 * are the project's own reading of public reports on how mail providers,
 * privacy proxies and scanners fetch images.
 */

/**
 * After sending, a fetch this soon is the recipient's provider, not a person:
 * Workspace shows a Google fetch within seconds of delivery, Yahoo fetches on
 * arrival. Reports put these fetches under about 20 s; a minute leaves room
 * for slow relays, and a person rarely opens a message within a minute of its
 * sending. One who does is called a proxy check with medium confidence.
 */
export const DELIVERY_WINDOW_MS = 60_000;

/**
 * Safe Links and similar scanners fetch while the message is being accepted,
 * before it reaches the inbox: seconds, occasionally a minute in a busy
 * tenant. Two minutes covers that without swallowing a person at a desk.
 */
export const SCAN_WINDOW_MS = 2 * 60_000;

/**
 * Apple's privacy proxy fetches when a device downloads the message, which is
 * usually minutes after delivery. Inside this window its fetch is a proxy
 * check with high confidence; later ones still are, with medium confidence.
 */
export const DEVICE_SYNC_WINDOW_MS = 30 * 60_000;

/**
 * A fetch this close to a `sender-view` signal, on either side, is the
 * sender's own view. Gmail may load the image before the add-on reports the
 * open, or, with images below the fold, up to tens of seconds after.
 */
export const SENDER_VIEW_WINDOW_MS = 60_000;

/**
 * One address fetching with two different clients this close together is a
 * scanner trying several identities; a person does not switch clients within
 * seconds.
 */
export const MULTI_AGENT_WINDOW_MS = 10_000;

/**
 * Fetches from one source with gaps no longer than this are one event: a
 * message re-rendered, a proxy retrying, a mail app loading twice.
 */
export const REPEAT_WINDOW_MS = 60_000;

/**
 * Without a `sent` signal, fetches this soon after the link was made are the
 * sender's: the check, the draft preview. Composing a short message takes a
 * few minutes; ten covers most without reaching far into delivery.
 */
export const UNSENT_SENDER_WINDOW_MS = 10 * 60_000;
