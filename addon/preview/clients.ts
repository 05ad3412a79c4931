/**
 * The mail clients the preview can play, each with the User-Agent it really
 * sends and an address from the network it really fetches from. Development
 * only: the add-on bundle never imports this folder.
 */

/** One client that fetches the pixel. */
export interface PixelClient {
  name: string;
  /** What the preview's button says it stands for. */
  note: string;
  userAgent: string;
  /** A representative source address, passed as X-Forwarded-For. */
  address: string;
}

/** Gmail's image proxy; Gmail loads images through it for every reader. */
export const GMAIL: PixelClient = {
  name: 'Gmail',
  note: 'Google’s image proxy, for a reader in Gmail',
  userAgent:
    'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  address: '66.249.84.21',
};

/** Apple Mail with Mail Privacy Protection: a bare identity from Private Relay. */
export const APPLE_MAIL: PixelClient = {
  name: 'Apple Mail',
  note: 'Mail Privacy Protection, through Apple’s Private Relay',
  userAgent: 'Mozilla/5.0',
  address: '172.224.226.9',
};

/** Desktop Outlook on an ordinary home or office network. */
export const OUTLOOK: PixelClient = {
  name: 'Outlook',
  note: 'Outlook for Windows on an ordinary network',
  userAgent: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)',
  address: '203.0.113.77',
};

/** A mail security gateway that names itself while checking the message. */
export const SCANNER: PixelClient = {
  name: 'Security scanner',
  note: 'A mail security gateway checking links and images',
  userAgent: 'Barracuda Sentinel (EE)',
  address: '198.51.100.14',
};

/** Where Apps Script's UrlFetchApp requests come from: Google's network. */
export const APPS_SCRIPT_ADDRESS = '66.249.93.10';

/** The recipient's clients, in the order the preview offers them. */
export const RECIPIENT_CLIENTS: readonly PixelClient[] = [GMAIL, APPLE_MAIL, OUTLOOK, SCANNER];
