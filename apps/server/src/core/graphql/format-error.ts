import { ErrorCode } from '@ecohub/domain';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Logger } from '../logger.ts';
import { isClientError } from '../errors.ts';
import { withoutSuggestions } from './limits.ts';

/** Longest message and extension text a client gets back: errors never echo unbounded input. */
const MAX_MESSAGE = 500;
const MAX_EXTENSION_TEXT = 100;

function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * What reaches the client: in production without "Did you mean …?" (GraphQL's suggestions name
 * enum values, fields and types that disabled introspection hides, and variable coercion adds
 * them even when validation's are off), and never more than a bounded echo of the input.
 */
function forClient(formatted: GraphQLFormattedError, production: boolean): GraphQLFormattedError {
  const message = bounded(production ? withoutSuggestions(formatted.message) : formatted.message, MAX_MESSAGE);
  const extensions = formatted.extensions
    ? Object.fromEntries(Object.entries(formatted.extensions).map(([key, value]) => [key, typeof value === 'string' ? bounded(value, MAX_EXTENSION_TEXT) : value]))
    : undefined;
  return { ...formatted, message, ...(extensions ? { extensions } : {}) };
}

/**
 * Known client errors pass through with their code; database races become CONFLICT; anything
 * else is logged with its stack and reaches the client as a masked INTERNAL_SERVER_ERROR.
 */
export function formatError(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => forClient(classify(formatted, error, logger, production), production);
}

function classify(formatted: GraphQLFormattedError, error: unknown, logger: Logger, production: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof OptimisticLockError) {
    return { ...formatted, message: 'Someone else changed this record at the same time; reload it and try again', extensions: { code: ErrorCode.CONFLICT } };
  }
  if (original instanceof UniqueConstraintViolationException) {
    return { ...formatted, message: 'A record with the same unique value already exists', extensions: { code: ErrorCode.CONFLICT } };
  }
  const extensions = formatted.extensions ?? {};
  const code = extensions.code;
  // Apollo's own request errors (parse, validation, bad variables) are the client's to fix.
  if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // `http` sets Apollo's response status; it is not for the client (and websockets have none).
    const { stacktrace: _stacktrace, http: _http, ...rest } = extensions;
    return { ...formatted, extensions: rest };
  }
  if (isClientError({ extensions })) return formatted;
  logger.error({ err: original }, 'unexpected error in a GraphQL operation');
  return {
    message: production ? 'Something went wrong on our side; please try again' : formatted.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
