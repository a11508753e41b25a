import express, { Router, type Request, type Response } from 'express';
import { systemUnitOfWork } from '../../core/actor/job-actor.ts';
import type { AppServices } from '../../core/app-services.ts';
import type { MailTopic } from '../notification/index.ts';
import { mailByUnsubscribeToken } from './mail.queries.ts';
import { mailText } from './mail-texts.ts';
import { mailLocale, unsubscribeByToken } from './mail.service.ts';

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(res: Response, status: number, locale: 'ko' | 'en', body: string): void {
  res
    .status(status)
    .type('html')
    .send(`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>EcoHub</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto">${body}</body></html>`);
}

function topicNames(locale: 'ko' | 'en', topics: readonly string[]): string {
  const t = mailText(locale);
  return topics.map((topic) => t.topic[topic as MailTopic] ?? topic).join(', ');
}

/**
 * `/mail/unsubscribe?token=…`: GET shows a confirmation (mail scanners follow links; a GET must
 * not unsubscribe), POST unsubscribes: the one-click POST of RFC 8058 from the mail app
 * (`List-Unsubscribe=One-Click`) and the form of the page alike. The link is the credential:
 * no sign-in is needed.
 */
export function unsubscribeRoutes(services: AppServices): Router {
  const router = Router();
  const tokenOf = (req: Request) => (typeof req.query.token === 'string' ? req.query.token : '');
  const uow = () => systemUnitOfWork(services, services.logger.child({ route: 'unsubscribe' }));

  router.get('/mail/unsubscribe', async (req, res) => {
    const message = await mailByUnsubscribeToken(uow(), tokenOf(req));
    const locale = mailLocale(message?.locale);
    const t = mailText(locale);
    if (!message?.recipient) return page(res, 404, locale, `<p>${escapeHtml(t.unsubscribeUnknown)}</p>`);
    page(
      res,
      200,
      locale,
      `<p>${escapeHtml(t.unsubscribeConfirm(topicNames(locale, message.unsubscribeTopics)))}</p>` +
        `<form method="post" action="/mail/unsubscribe?token=${encodeURIComponent(tokenOf(req))}">` +
        `<button type="submit" name="List-Unsubscribe" value="One-Click">${escapeHtml(t.unsubscribeButton)}</button></form>`,
    );
  });

  router.post('/mail/unsubscribe', express.urlencoded({ extended: false, limit: '2kb' }), async (req, res) => {
    const done = await unsubscribeByToken(uow(), tokenOf(req));
    if (!done) return page(res, 404, 'ko', `<p>${escapeHtml(mailText('ko').unsubscribeUnknown)}</p>`);
    page(res, 200, done.locale, `<p>${escapeHtml(mailText(done.locale).unsubscribed(topicNames(done.locale, done.topics)))}</p>`);
  });
  return router;
}
