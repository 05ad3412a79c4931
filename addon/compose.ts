/**
 * The compose action: what the card offers for a draft, minting a link for
 * it, and inserting the pixel. Minting and inserting are two clicks because a
 * draft update can't also redraw the card, and the card has to show the URL
 * for people who insert the image through Gmail's own Insert photo.
 */
import type { CreatedLink } from '../shared/contract';
import { addressOf, sameAddress } from './addresses';
import type { ServiceClient } from './client';
import { ServiceError } from './service-error';

// Mirrors LABEL_MAX, RECIPIENTS_MAX and SUBJECT_MAX in shared/contract.ts,
// which the add-on can't import as values without bundling TypeBox.
const LABEL_MAX = 120;
const RECIPIENTS_MAX = 50;
const SUBJECT_MAX = 250;

export interface DraftFacts {
  recipients: string[];
  subject?: string;
}

export interface ComposeView {
  defaultLabel: string;
  recipients: string[];
  /** The sender addressed the draft to themselves. */
  includesSender: boolean;
}

export interface MintedLink {
  link: CreatedLink;
  label: string;
  includesSender: boolean;
}

export function composeView(draft: DraftFacts, userEmail: string): ComposeView {
  const recipients = uniqueAddresses(draft.recipients);
  return {
    defaultLabel: (draft.subject ?? '').trim().slice(0, LABEL_MAX),
    recipients,
    includesSender: recipients.some((r) => sameAddress(r, userEmail)),
  };
}

/** Creates the link and has Google's network fetch it once ("Link activated"). */
export function mintLink(
  client: ServiceClient,
  draft: DraftFacts,
  labelInput: string | undefined,
  userEmail: string,
): MintedLink {
  const view = composeView(draft, userEmail);
  const label = (labelInput ?? '').trim().slice(0, LABEL_MAX) || view.defaultLabel;
  const link = client.createLink({
    ...(label ? { label } : {}),
    recipients: view.recipients.slice(0, RECIPIENTS_MAX),
    ...(draft.subject ? { subject: draft.subject.slice(0, SUBJECT_MAX) } : {}),
  });
  if (!client.fetchPixel(link.pixelUrl)) {
    throw new ServiceError(
      503,
      'The new link did not answer from Google’s network, so nothing was inserted.',
    );
  }
  return { link, label, includesSender: view.includesSender };
}

export interface InsertParams {
  id: string;
  pixelUrl: string;
  /** Present when the user offers recipients an opt-out. */
  optOutUrl?: string;
}

/** Records the insertion and returns the markup for the draft. */
export function insertLink(client: ServiceClient, serviceUrl: string, link: InsertParams): string {
  // Action parameters come back from the client; insert only our own addresses.
  const ours = (url: string, path: string) =>
    url.startsWith(`${serviceUrl}${path}`) && url.includes(`.${link.id}.`);
  if (!ours(link.pixelUrl, '/p/') || (link.optOutUrl && !ours(link.optOutUrl, '/o/'))) {
    throw new ServiceError(400, 'That pixel address does not belong to MailPing.');
  }
  client.recordSignal(link.id, { type: 'inserted' });
  const image = pixelImage(link.pixelUrl);
  return link.optOutUrl ? `${image}${optOutLine(link.optOutUrl)}` : image;
}

/** The small plain line under the pixel that lets the recipient say no. */
export function optOutLine(optOutUrl: string): string {
  const href = optOutUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return (
    '<div style="font-size:11px;color:#80868b">Read receipt requested — ' +
    `<a href="${href}" style="color:#80868b">opt out</a></div>`
  );
}

export function pixelImage(pixelUrl: string): string {
  const src = pixelUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<img src="${src}" width="1" height="1" alt="" border="0" style="border:0">`;
}

function uniqueAddresses(list: string[]): string[] {
  const seen: string[] = [];
  for (const entry of list) {
    const address = addressOf(entry);
    if (address && !seen.includes(address)) seen.push(address);
  }
  return seen;
}
