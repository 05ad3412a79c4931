/**
 * Finding MailPing pixels in a message body. A pixel URL is
 * `<service>/p/<kid>.<link id>.<mac>.gif`; the link id is the middle part.
 */
const ID = '[A-Za-z0-9_-]{22}';
// A message holds one link by design; more than this is a forward chain or abuse.
const MAX_LINKS = 5;

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The link ids of every pixel of this service in `html`, first seen first. */
export function findLinkIds(html: string, serviceUrl: string): string[] {
  const base = escapeForRegExp(serviceUrl.replace(/\/+$/, ''));
  const pattern = new RegExp(`${base}/p/[A-Za-z0-9_-]+\\.(${ID})\\.${ID}\\.gif`, 'g');
  const ids: string[] = [];
  for (const match of html.matchAll(pattern)) {
    const id = match[1];
    if (id && !ids.includes(id)) ids.push(id);
    if (ids.length === MAX_LINKS) break;
  }
  return ids;
}
