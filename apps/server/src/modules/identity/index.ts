export { Session } from './session.entity.ts';
export { Invitation } from './invitation.entity.ts';
export { LoginAttempt } from './login-attempt.entity.ts';
