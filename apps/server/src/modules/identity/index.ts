import { IdentityResolver } from './identity.resolver.ts';

export { Session } from './session.entity.ts';
export { Invitation } from './invitation.entity.ts';
export { LoginAttempt } from './login-attempt.entity.ts';
export { viewerForToken, revokeSession } from './session.service.ts';
export { readSessionToken, SESSION_COOKIE } from './session-cookie.ts';

export const identityResolvers = [IdentityResolver] as const;
