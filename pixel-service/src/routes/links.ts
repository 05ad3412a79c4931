/** The add-on's API: the caller's links, their timelines and signals. */
import { randomUUID } from 'node:crypto';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CreatedLinkSchema,
  type CreateLinkBody,
  CreateLinkBodySchema,
  ErrorSchema,
  LABEL_MAX,
  type LinkDetail,
  LinkDetailSchema,
  LinkListSchema,
  LinkParamsSchema,
  type LinkSummary,
  ListLinksQuerySchema,
  SignalBodySchema,
} from '../../../shared/contract';
import type { Signal } from '../../../shared/domain';
import { buildTimeline, summarizeTimeline } from '../../../shared/timeline';
import type { TokenKey } from '../config';
import { HttpError } from '../errors';
import type { VerifyIdentity } from '../identity';
import type { Activity, Store, StoredLink } from '../store';
import { newLinkId, signToken } from '../token';
import { decodeCursor, encodeCursor } from './cursor';
import { optOutUrl } from './opt-out';
import { requireSignedIn } from './signed-in';

export interface LinkOptions {
  store: Store;
  verifyIdentity: VerifyIdentity;
  publicUrl: string;
  tokenKeys: TokenKey[];
  now: () => number;
}

const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema };
const noContent = { 204: Type.Null(), ...errors };
const iso = (ms: number) => new Date(ms).toISOString();
/** `cap:daily-fetches:N`: N fetches beyond the daily cap were counted, not stored. */
export const CAPPED_NOTICE = 'cap:daily-fetches';

export async function linkRoutes(base: FastifyInstance, options: LinkOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = options;
  const pixelUrl = (id: string) => `${options.publicUrl}/p/${signToken(options.tokenKeys, id)}.gif`;

  requireSignedIn(app, options.verifyIdentity);

  const ownLink = async (request: FastifyRequest, id: string) => {
    const link = await store.findLink(id, request.identity.sub);
    if (!link) throw new HttpError(404, 'link not found');
    return link;
  };

  const summarize = (link: StoredLink, activity: Activity | undefined): LinkDetail => {
    const optedOut = link.optedOutAt !== undefined;
    const timeline = buildTimeline({
      link: { id: link.id, createdAt: link.createdAt, recipients: link.recipients },
      // Fetches of an opted-out link are never shown, even ones not yet purged.
      fetches: optedOut ? [] : (activity?.fetches ?? []),
      signals: activity?.signals ?? [],
      now: options.now(),
    });
    if (optedOut) timeline.notices.push('link:opted-out');
    const summary: LinkSummary = {
      id: link.id,
      label: link.label,
      recipients: link.recipients,
      createdAt: iso(link.createdAt),
      pixelUrl: pixelUrl(link.id),
      ...summarizeTimeline(timeline),
    };
    return { link: summary, timeline };
  };

  app.post(
    '/links',
    { schema: { body: CreateLinkBodySchema, response: { 201: CreatedLinkSchema, ...errors } } },
    async (request, reply) => {
      const settings = await store.readSettings(request.identity.sub);
      const link: StoredLink = {
        id: newLinkId(),
        ownerSub: request.identity.sub,
        label: labelOf(request.body),
        recipients: [...new Set((request.body.recipients ?? []).map((r) => r.trim()))],
        createdAt: options.now(),
        keyId: options.tokenKeys[0]?.id ?? '',
        retentionDays: settings.retentionDays,
      };
      await store.createLink(link);
      const url = pixelUrl(link.id);
      const token = signToken(options.tokenKeys, link.id);
      const optOut = settings.recipientOptOut ? optOutUrl(options.publicUrl, token) : undefined;
      return reply.code(201).send({
        id: link.id,
        pixelUrl: url,
        html: pixelHtml(url, optOut),
        createdAt: iso(link.createdAt),
        ...(optOut ? { optOutUrl: optOut } : {}),
      });
    },
  );

  app.get(
    '/links',
    { schema: { querystring: ListLinksQuerySchema, response: { 200: LinkListSchema, ...errors } } },
    async (request) => {
      const limit = request.query.limit ?? 20;
      const after = request.query.cursor ? decodeCursor(request.query.cursor) : undefined;
      const found = await store.listLinks(request.identity.sub, { limit: limit + 1, after });
      const page = found.slice(0, limit);
      const activity = await store.loadActivity(page.map((link) => link.id));
      const last = page.at(-1);
      return {
        links: page.map((link) => summarize(link, activity.get(link.id)).link),
        nextCursor: found.length > limit && last ? encodeCursor(last) : null,
      };
    },
  );

  app.get(
    '/links/:id',
    { schema: { params: LinkParamsSchema, response: { 200: LinkDetailSchema, ...errors } } },
    async (request) => {
      const link = await ownLink(request, request.params.id);
      const [activity, counted] = await Promise.all([
        store.loadActivity([link.id]),
        store.countedBeyondCap(link.id),
      ]);
      const found = activity.get(link.id);
      // Another instance may have stored fetches before it learnt of the opt-out.
      if (link.optedOutAt !== undefined && found?.fetches.length) await store.purgeFetches(link.id);
      const detail = summarize(link, found);
      if (counted > 0) detail.timeline.notices.push(`${CAPPED_NOTICE}:${counted}`);
      return detail;
    },
  );

  app.post(
    '/links/:id/signals',
    { schema: { params: LinkParamsSchema, body: SignalBodySchema, response: noContent } },
    async (request, reply) => {
      const link = await ownLink(request, request.params.id);
      const { type, messageAt } = request.body;
      if (messageAt !== undefined && type !== 'sent') {
        throw new HttpError(400, 'body/messageAt is only allowed with type "sent"');
      }
      const signal: Signal = {
        id: randomUUID(),
        linkId: link.id,
        type,
        at: options.now(),
      };
      if (messageAt !== undefined) signal.messageAt = Date.parse(messageAt);
      await store.recordSignal(signal, link.retentionDays);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/links/:id',
    { schema: { params: LinkParamsSchema, response: noContent } },
    async (request, reply) => {
      const link = await ownLink(request, request.params.id);
      await store.deleteLink(link.id);
      return reply.code(204).send(null);
    },
  );

  app.delete('/me', { schema: { response: noContent } }, async (request, reply) => {
    await store.deleteOwner(request.identity.sub);
    return reply.code(204).send(null);
  });
}

function labelOf(body: CreateLinkBody): string {
  const label = body.label?.trim() || body.subject?.trim() || 'Untitled message';
  return label.slice(0, LABEL_MAX);
}

/**
 * The image as the add-on inserts it: 1x1, no alt text, no border; with the
 * owner's opt-out setting on, a small plain link under it.
 */
export function pixelHtml(url: string, optOut?: string): string {
  const style = 'border:0;width:1px;height:1px';
  const image = `<img src="${url}" width="1" height="1" alt="" style="${style}">`;
  if (!optOut) return image;
  return (
    `${image}<div style="font-size:11px;color:#80868b">Read receipt requested — ` +
    `<a href="${optOut}" style="color:#80868b">opt out</a></div>`
  );
}
