/**
 * The preview's web server: the page, and a small same-origin API the page
 * calls to click through the add-on. It talks to the service from here, so
 * the browser never calls the service and no CORS is needed. Development
 * only: `npm start` runs it in its own process, never the deployed service.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Static, Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { RECIPIENT_CLIENTS } from './clients';
import { PreviewSession } from './session';

const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'page.html', type: 'text/html; charset=utf-8' },
  '/assets/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
  '/assets/page.js': { file: 'page.js', type: 'text/javascript; charset=utf-8' },
};

const PanelSchema = Type.Union([Type.Literal('compose'), Type.Literal('sidebar')]);
const Strings = Type.Record(Type.String(), Type.String({ maxLength: 2000 }));
const ActionBody = Type.Object({
  panel: PanelSchema,
  function: Type.String({ maxLength: 64 }),
  parameters: Strings,
  form: Strings,
});
const DraftBody = Type.Object({
  to: Type.Optional(Type.String({ maxLength: 500 })),
  subject: Type.Optional(Type.String({ maxLength: 250 })),
});
const PanelBody = Type.Object({ panel: PanelSchema });
const FetchBody = Type.Object({ client: Type.String({ maxLength: 64 }) });

/** The preview for a service at `serviceUrl`. */
export function buildPreview(serviceUrl: string): FastifyInstance {
  let session = new PreviewSession(serviceUrl);
  const app = Fastify({ logger: false });
  const state = () => ({ ...session.state(), clients: RECIPIENT_CLIENTS });

  for (const [path, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(join(__dirname, 'assets', asset.file));
    app.get(path, async (_request, reply) => reply.type(asset.type).send(body));
  }
  app.get('/preview/state', async () => state());
  app.post('/preview/open', async () => {
    session.refreshHome();
    return state();
  });
  app.post<{ Body: Static<typeof DraftBody> }>(
    '/preview/draft',
    { schema: { body: DraftBody } },
    async (request) => {
      session.setDraft(request.body);
      return state();
    },
  );
  app.post('/preview/compose', async () => {
    session.openCompose();
    return state();
  });
  app.post<{ Body: Static<typeof ActionBody> }>(
    '/preview/action',
    { schema: { body: ActionBody } },
    async (request) => {
      const { panel, parameters, form } = request.body;
      session.act(panel, request.body.function, parameters, form);
      return state();
    },
  );
  app.post<{ Body: Static<typeof PanelBody> }>(
    '/preview/back',
    { schema: { body: PanelBody } },
    async (request) => {
      session.back(request.body.panel);
      return state();
    },
  );
  app.post('/preview/send', async () => {
    session.send();
    return state();
  });
  app.post('/preview/open-sent', async () => {
    await session.openSent();
    return state();
  });
  app.post<{ Body: Static<typeof FetchBody> }>(
    '/preview/fetch',
    { schema: { body: FetchBody } },
    async (request, reply) => {
      const client = RECIPIENT_CLIENTS.find((c) => c.name === request.body.client);
      if (!client) return reply.code(400).send({ message: 'no such client' });
      await session.recipientFetch(client);
      return state();
    },
  );
  app.post('/preview/reset', async () => {
    session.close();
    session = new PreviewSession(serviceUrl);
    return state();
  });
  app.addHook('onClose', async () => session.close());
  return app;
}
