/**
 * `GET /export/<ticket>`: a user's export, for the browser the add-on opened
 * it in. The signed ticket stands in for the ID token for a few minutes.
 */
import type { FastifyInstance } from 'fastify';
import type { TokenKey } from '../config';
import { verifyExportTicket } from '../export-ticket';
import type { Store } from '../store';
import { exportDocument } from './me';

export interface ExportDownloadOptions {
  tokenKeys: TokenKey[];
  store: Store;
  now: () => number;
}

export async function exportDownloadRoutes(app: FastifyInstance, options: ExportDownloadOptions) {
  app.get('/export/:ticket', async (request, reply) => {
    const { ticket } = request.params as { ticket: string };
    const sub = verifyExportTicket(options.tokenKeys, ticket, options.now());
    if (!sub) {
      return reply.code(404).send({
        statusCode: 404,
        error: 'Not Found',
        message: 'this export link is not valid or has expired; ask for a new one in Settings',
      });
    }
    const document = await exportDocument(options.store, sub, options.now());
    return reply
      .headers({
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'content-disposition': 'attachment; filename="mailping-export.json"',
      })
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(document, null, 2));
  });
}
