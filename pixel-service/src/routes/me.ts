/**
 * The caller's own data: settings, and the export, either directly or as a
 * short-lived signed link the add-on opens in the browser. `DELETE /v1/me`
 * lives with the links.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  ErrorSchema,
  type Export,
  ExportLinkSchema,
  ExportSchema,
  SettingsBodySchema,
  SettingsSchema,
} from '../../../shared/contract';
import type { TokenKey } from '../config';
import { EXPORT_TICKET_TTL_MS, signExportTicket } from '../export-ticket';
import type { VerifyIdentity } from '../identity';
import type { Store } from '../store';
import { requireSignedIn } from './signed-in';

export interface MeOptions {
  store: Store;
  verifyIdentity: VerifyIdentity;
  publicUrl: string;
  tokenKeys: TokenKey[];
  now: () => number;
}

const errors = { 400: ErrorSchema, 401: ErrorSchema };

/** The export document for one account. */
export async function exportDocument(store: Store, sub: string, now: number): Promise<Export> {
  const data = await store.exportOwner(sub);
  return { exportedAt: new Date(now).toISOString(), account: sub, ...data };
}

export async function meRoutes(base: FastifyInstance, options: MeOptions) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = options;

  requireSignedIn(app, options.verifyIdentity);

  app.get('/me/settings', { schema: { response: { 200: SettingsSchema, ...errors } } }, (request) =>
    store.readSettings(request.identity.sub),
  );

  app.put(
    '/me/settings',
    { schema: { body: SettingsBodySchema, response: { 200: SettingsSchema, ...errors } } },
    async (request) => {
      const current = await store.readSettings(request.identity.sub);
      const next = { ...current, ...request.body };
      const counts = await store.saveSettings(request.identity.sub, next, options.now());
      if (counts.restamped + counts.deleted > 0) {
        request.log.info({ retention: next.retentionDays, ...counts }, 'retention applied');
      }
      return next;
    },
  );

  app.get('/me/export', { schema: { response: { 200: ExportSchema, ...errors } } }, (request) =>
    exportDocument(store, request.identity.sub, options.now()),
  );

  app.post(
    '/me/export-link',
    { schema: { response: { 200: ExportLinkSchema, ...errors } } },
    async (request) => {
      const expiresAt = options.now() + EXPORT_TICKET_TTL_MS;
      const ticket = signExportTicket(options.tokenKeys, request.identity.sub, expiresAt);
      return {
        url: `${options.publicUrl}/export/${ticket}`,
        expiresAt: new Date(expiresAt).toISOString(),
      };
    },
  );
}
