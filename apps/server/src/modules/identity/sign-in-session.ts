import type { GraphQLContext } from '../../core/graphql/context.ts';
import type { Person } from '../people/person.entity.ts';
import { clientAddress } from './request-origin.ts';
import { setSessionCookie } from './session-cookie.ts';
import { createSession } from './session.service.ts';

/** Starts a session for the person and hands its cookie to the browser that asked. */
export async function openBrowserSession(ctx: GraphQLContext, http: NonNullable<GraphQLContext['http']>, person: Person): Promise<void> {
  const { config } = ctx.services;
  const { token, session } = await createSession(ctx.em, person, config.sessionTtlHours, {
    ipAddress: clientAddress(ctx),
    userAgent: http.req.headers['user-agent'] ?? null,
  });
  setSessionCookie(http.res, token, session.expiresAt, config.cookieSecure);
}
