import { ErrorCode, type Violation } from '@ecohub/domain';
import { GraphQLError } from 'graphql';

/**
 * The errors a client may see. Each carries a stable `extensions.code` from @ecohub/domain and a
 * sentence a person understands; anything else is masked as INTERNAL_SERVER_ERROR.
 */
export function badInput(message: string, violations: Violation[] = []): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, violations } });
}

export function notFound(entity: string, id?: string): GraphQLError {
  return new GraphQLError(id ? `${entity} ${id} was not found` : `${entity} was not found`, {
    extensions: { code: ErrorCode.NOT_FOUND, entity, id },
  });
}

export function conflict(message: string, currentVersion?: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, currentVersion } });
}

export function staleVersion(entity: string, currentVersion: number): GraphQLError {
  return conflict(
    `${entity} was changed by someone else (now version ${currentVersion}); reload it and try again`,
    currentVersion,
  );
}

export function forbidden(message = 'You are not allowed to do this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function unauthenticated(message = 'Please sign in first'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

export function tooManyRequests(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.TOO_MANY_REQUESTS, retryAfterSeconds } });
}

/** Throws BAD_USER_INPUT listing every violation at once, so a form can mark all its fields. */
export function assertValid(violations: Violation[]): void {
  if (violations.length === 0) return;
  const summary = violations.map((v) => v.message).join('; ');
  throw badInput(`Invalid input: ${summary}`, violations);
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));
export function isClientError(error: { extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}
