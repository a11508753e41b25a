import { AccountResolver } from './account.resolver.ts';
import { IdentityResolver } from './identity.resolver.ts';
import { InvitationResolver } from './invitation.resolver.ts';
import { SessionResolver } from './session.resolver.ts';

export { Session } from './session.entity.ts';
export { Invitation } from './invitation.entity.ts';
export { SignInLink } from './sign-in-link.entity.ts';
export { LoginAttempt } from './login-attempt.entity.ts';
export { revokeSession } from './session.service.ts';
export { SessionCache } from './session-cache.ts';
export { readSessionToken, SESSION_COOKIE } from './session-cookie.ts';
export { authenticateSocket, watchSessions, SESSION_CHECK_INTERVAL_MS, type SessionWatch } from './socket-auth.ts';

export const identityResolvers = [IdentityResolver, InvitationResolver, AccountResolver, SessionResolver] as const;
