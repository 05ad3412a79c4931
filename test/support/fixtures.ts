/** Named fixtures the service tests share: who is calling, and which client fetches. */

/** Two development users; each sees only their own links. */
export const ALICE = { authorization: 'Bearer dev:alice' };
export const BOB = { authorization: 'Bearer dev:bob' };

/** Gmail's image proxy, as it fetches an image when a reader opens the message. */
export const GMAIL_PROXY_UA =
  'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

/** A desktop browser, for fetches that no mail proxy made. */
export const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';
