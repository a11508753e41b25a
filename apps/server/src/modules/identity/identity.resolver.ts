import { ErrorCode, isValidEmail, LIMITS } from '@ecohub/domain';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { dummyPasswordHash, verifyPassword } from '../../core/auth/password.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { Person } from '../people/person.entity.ts';
import { SignInInput } from './identity.inputs.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { createSession, findPersonByEmail, revokeSession } from './session.service.ts';

/** The same answer whether the email is unknown or the password wrong: emails are not revealed. */
function invalidCredentials(): GraphQLError {
  return new GraphQLError('The email or password is not correct', {
    extensions: { code: ErrorCode.UNAUTHENTICATED, reason: 'INVALID_CREDENTIALS' },
  });
}

@Resolver()
export class IdentityResolver {
  @Query(() => Person, { nullable: true, description: 'The signed-in person, or null' })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<Person | null> {
    return ctx.viewer ? ctx.em.findOne(Person, { id: ctx.viewer.personId }) : null;
  }

  @Mutation(() => Person, { description: 'Signs in with email and password; sets the session cookie' })
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: GraphQLContext): Promise<Person> {
    if (!ctx.http) throw new GraphQLError('Sign in over HTTP', { extensions: { code: ErrorCode.BAD_USER_INPUT } });
    const email = input.email.trim().toLowerCase();
    if (!isValidEmail(email) || input.password.length > LIMITS.password.max) {
      await verifyPassword(await dummyPasswordHash(), input.password);
      throw invalidCredentials();
    }
    const person = await findPersonByEmail(ctx.em, email);
    const ok = person?.passwordHash
      ? await verifyPassword(person.passwordHash, input.password)
      : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
    if (!person || !ok || person.disabledAt) throw invalidCredentials();
    const { config } = ctx.services;
    const { token, session } = await createSession(ctx.em, person, config.sessionTtlHours, {
      ipAddress: ctx.http.req.ip ?? null,
      userAgent: ctx.http.req.headers['user-agent'] ?? null,
    });
    setSessionCookie(ctx.http.res, token, session.expiresAt, config.cookieSecure);
    return person;
  }

  @Mutation(() => Boolean, { description: 'Ends this session everywhere it is used' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (ctx.viewer) await revokeSession(ctx.em, ctx.viewer.sessionId);
    if (ctx.http) clearSessionCookie(ctx.http.res, ctx.services.config.cookieSecure);
    return true;
  }
}
