import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../core/errors.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { isUuid } from '../../core/ids.ts';
import { revokeOtherSessions } from './account.service.ts';
import { clearSessionCookie } from './session-cookie.ts';
import { Session } from './session.entity.ts';
import { revokeSession } from './session.service.ts';

/** The viewer's own sessions: see where one is signed in, end what one does not recognise. */
@Resolver(() => Session)
export class SessionResolver {
  @Query(() => [Session], { description: "The viewer's active sessions, most recently used first" })
  mySessions(@Ctx() ctx: GraphQLContext): Promise<Session[]> {
    const viewer = ctx.access.requireViewer();
    return ctx.em.find(
      Session,
      { person: viewer.personId, revokedAt: null, expiresAt: { $gt: new Date() } },
      { orderBy: { lastSeenAt: 'desc', id: 'desc' } },
    );
  }

  @Mutation(() => Boolean, { description: "Ends one of the viewer's sessions (NOT_FOUND for anyone else's); its sockets close" })
  async revokeSession(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const viewer = ctx.access.requireViewer();
    const session = isUuid(id) ? await ctx.em.findOne(Session, { id, person: viewer.personId, revokedAt: null }) : null;
    if (!session) throw notFound('Session', id);
    await revokeSession(ctx, id);
    if (id === viewer.sessionId && ctx.http) clearSessionCookie(ctx.http.res, ctx.services.config.cookieSecure);
    return true;
  }

  @Mutation(() => Int, { description: "Ends all the viewer's sessions but this one; returns how many ended" })
  revokeOtherSessions(@Ctx() ctx: GraphQLContext): Promise<number> {
    return revokeOtherSessions(ctx);
  }

  @FieldResolver(() => Boolean, { description: 'This is the session the request came with' })
  current(@Root() session: Session, @Ctx() ctx: GraphQLContext): boolean {
    return session.id === ctx.viewer?.sessionId;
  }
}
