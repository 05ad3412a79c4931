import { findLinkIds } from '../../addon/pixel-urls';

const SERVICE = 'https://mailping.test';
const ID = 'AbCdEfGhIjKlMnOpQrSt_-';
const MAC = 'z'.repeat(22);

describe('finding pixels in a message body', () => {
  it('takes the link id from the middle of the token', () => {
    const html = `<p>Hi</p><img src="${SERVICE}/p/k1.${ID}.${MAC}.gif" alt="">`;

    expect(findLinkIds(html, SERVICE)).toEqual([ID]);
  });

  it('ignores other hosts, other paths and malformed tokens', () => {
    const html = [
      `https://evil.test/p/k1.${ID}.${MAC}.gif`,
      `${SERVICE}/q/k1.${ID}.${MAC}.gif`,
      `${SERVICE}/p/k1.${ID.slice(1)}.${MAC}.gif`,
      `${SERVICE}/p/k1.${ID}.${MAC}.png`,
    ].join(' ');

    expect(findLinkIds(html, SERVICE)).toEqual([]);
  });

  it('lists each link once, in order, whatever the trailing slash of the setting', () => {
    const other = 'B'.repeat(22);
    const html = [ID, other, ID].map((id) => `${SERVICE}/p/k2.${id}.${MAC}.gif`).join(' ');

    expect(findLinkIds(html, `${SERVICE}/`)).toEqual([ID, other]);
  });

  it('treats dots in the service address literally', () => {
    const html = `https://mailpingXtest/p/k1.${ID}.${MAC}.gif`;

    expect(findLinkIds(html, SERVICE)).toEqual([]);
  });
});
