import { clientFamily, GMAIL_PREFETCH_AGENT } from '../../../shared/classify/client-family';

const CASES: [string, string][] = [
  [
    'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com)',
    'apps-script',
  ],
  [
    'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
    'gmail-proxy',
  ],
  [
    'Mozilla/5.0 (Windows; U; Windows NT 5.1; de; rv:1.9.0.7) Gecko/2009021910 Firefox/3.0.7 (via ggpht.com GoogleImageProxy)',
    'gmail-proxy',
  ],
  [GMAIL_PREFETCH_AGENT, 'gmail-prefetch'],
  ['YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html', 'yahoo-proxy'],
  ['Mozilla/5.0 (compatible; Mimecast URL Protect)', 'scanner'],
  ['Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)', 'outlook'],
  ['Mozilla/4.0 (compatible; ms-office; MSOffice 16)', 'outlook'],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.9.0', 'thunderbird'],
  ['Mozilla/5.0', 'apple-bare'],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
    'apple-bare',
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    'browser',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/101.0.4951.64 Safari/537.36',
    'chrome-like',
  ],
  ['', 'empty'],
  ['curl/8.5.0', 'unknown'],
];

describe('clientFamily', () => {
  it.each(CASES)('reads %j as %s', (agent, family) => {
    expect(clientFamily(agent)).toBe(family);
  });

  it('does not take a modern Edge for the prefetch bot', () => {
    const edge = GMAIL_PREFETCH_AGENT.replace('Edge/12.246 Mozilla/5.0', 'Edg/124.0.0.0');
    expect(clientFamily(edge)).toBe('chrome-like');
  });
});
