/** The pages anyone can read: what MailPing is, its privacy policy and its terms. */
import type { FastifyInstance } from 'fastify';
import { sendPage } from '../pages/layout';
import { homePage, type Operator, privacyPage, termsPage } from '../pages/legal-pages';

export async function publicPageRoutes(app: FastifyInstance, options: { operator: Operator }) {
  // The texts only change with configuration: render them once.
  const pages = {
    '/': homePage(options.operator),
    '/privacy': privacyPage(options.operator),
    '/terms': termsPage(options.operator),
  };
  for (const [url, html] of Object.entries(pages)) {
    app.get(url, (_request, reply) => sendPage(reply, 200, html));
  }
}
