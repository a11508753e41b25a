import { LIMITS, Validator, type Violation } from '@ecohub/domain';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane. */
const OPTIONS = { algorithm: 2 /* Argon2id: a const enum, not importable under isolatedModules */, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the account does not exist keeps response times alike. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-used-for-timing');
  return dummyHash;
}

/**
 * OWASP's rules for passwords: length only (10–200, no composition rules), and not the email.
 * Violations name `field` so a form can show them beside the input.
 */
export function passwordViolations(field: string, password: string, email: string | null): Violation[] {
  const v = new Validator();
  v.check(field, password.length >= LIMITS.password.min, 'tooShort', `${field} must have at least ${LIMITS.password.min} characters`);
  v.check(field, password.length <= LIMITS.password.max, 'tooLong', `${field} must have at most ${LIMITS.password.max} characters`);
  v.check(field, !email || password.trim().toLowerCase() !== email.toLowerCase(), 'sameAsEmail', `${field} must not be the email address`);
  return v.violations;
}
