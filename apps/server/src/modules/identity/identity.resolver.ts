import { ErrorCode, isValidEmail, LIMITS } from '@ecohub/domain';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { dummyPasswordHash, passwordViolations, verifyPassword } from '../../core/auth/password.ts';
import { assertValid, badInput } from '../../core/errors.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { Person } from '../people/person.entity.ts';
import { storeNewPassword } from './account.service.ts';
import { ChangePasswordInput, SignInInput } from './identity.inputs.ts';
import { bookAttempt, clearAccountFailures, forgiveAttempt } from './login-throttle.ts';
import { clientAddress, publicOrigin } from './request-origin.ts';
import { requestSignInLink, useSignInLink } from './sign-in-link.service.ts';
import { clearSessionCookie } from './session-cookie.ts';
import { findPersonByEmail, revokeSession } from './session.service.ts';
import { openBrowserSession } from './sign-in-session.ts';

/** The same answer whether the email is unknown or the password wrong: emails are not revealed. */
function invalidCredentials(): GraphQLError {
  return new GraphQLError('The email or password is not correct', {
    extensions: { code: ErrorCode.UNAUTHENTICATED, reason: 'INVALID_CREDENTIALS' },
  });
}

function httpOnly(ctx: GraphQLContext): NonNullable<GraphQLContext['http']> {
  if (!ctx.http) throw new GraphQLError('This mutation is served over HTTP only', { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  return ctx.http;
}

@Resolver()
export class IdentityResolver {
  @Query(() => Person, { nullable: true, description: 'The signed-in person, or null' })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<Person | null> {
    return ctx.viewer ? ctx.em.findOne(Person, { id: ctx.viewer.personId }) : null;
  }

  @Mutation(() => Person, {
    description:
      'Signs in with email and password; sets the session cookie. UNAUTHENTICATED (reason INVALID_CREDENTIALS) for a ' +
      'wrong email or password alike; TOO_MANY_REQUESTS with extensions.retryAfterSeconds after 5 failures per account ' +
      'or 20 per address within 15 minutes.',
  })
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: GraphQLContext): Promise<Person> {
    const http = httpOnly(ctx);
    const email = input.email.trim().toLowerCase().slice(0, 254);
    const booked = await bookAttempt(ctx.em, { email, address: clientAddress(ctx) });
    // Unknown emails cost an argon2 verification too, so timing does not tell them apart.
    const person = isValidEmail(email) && input.password.length <= LIMITS.password.max ? await findPersonByEmail(ctx.em, email) : null;
    const ok = person?.passwordHash
      ? await verifyPassword(person.passwordHash, input.password)
      : await verifyPassword(await dummyPasswordHash(), input.password.slice(0, LIMITS.password.max)).then(() => false);
    if (!person || !ok || person.disabledAt) throw invalidCredentials();
    await forgiveAttempt(ctx.em, booked);
    await clearAccountFailures(ctx.em, email);
    await openBrowserSession(ctx, http, person);
    return person;
  }

  @Mutation(() => Boolean, {
    description:
      'Mails a single-use sign-in link (15 minutes) to company staff and observers. Always true: whether the address ' +
      'exists is not revealed. Each request counts like a failed password (TOO_MANY_REQUESTS after 5 per address typed ' +
      'or 20 per client within 15 minutes).',
  })
  async requestSignInLink(@Arg('email', () => String) email: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await requestSignInLink(ctx, { email, address: clientAddress(ctx) }, publicOrigin(ctx));
    return true;
  }

  @Mutation(() => Person, {
    description: 'Signs in with a mailed link (sets the session cookie). BAD_USER_INPUT on token (rule unusable) when it expired, was used or is unknown.',
  })
  async signInWithLink(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<Person> {
    const http = httpOnly(ctx);
    const person = await useSignInLink(ctx, token);
    await clearAccountFailures(ctx.em, person.email);
    await openBrowserSession(ctx, http, person);
    return person;
  }

  @Mutation(() => Boolean, { description: 'Ends this session everywhere it is used' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (ctx.viewer) await revokeSession(ctx, ctx.viewer.sessionId);
    if (ctx.http) clearSessionCookie(ctx.http.res, ctx.services.config.cookieSecure);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Changes the password (10–200 characters) and ends all other sessions. A wrong current password is ' +
      'BAD_USER_INPUT on currentPassword and counts towards the sign-in limit.',
  })
  async changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const viewer = ctx.access.requireViewer();
    const person = await ctx.em.findOneOrFail(Person, { id: viewer.personId }, { populate: ['passwordHash'] });
    const booked = await bookAttempt(ctx.em, { email: person.email, address: clientAddress(ctx) });
    const current = input.currentPassword.slice(0, LIMITS.password.max);
    if (!person.passwordHash || !(await verifyPassword(person.passwordHash, current))) {
      throw badInput('The current password is not correct', [
        { field: 'currentPassword', rule: 'incorrect', message: 'The current password is not correct' },
      ]);
    }
    await forgiveAttempt(ctx.em, booked);
    assertValid(passwordViolations('newPassword', input.newPassword, person.email));
    await storeNewPassword(ctx, person.id, viewer.sessionId, input.newPassword);
    return true;
  }
}
