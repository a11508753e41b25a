/** Stable GraphQL `extensions.code` values: the server raises them, the web client branches on them. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_CODES: readonly ErrorCode[] = Object.values(ErrorCode);

/**
 * `extensions.reason` of the FORBIDDEN that ends a live subscription when the viewer's access
 * changed and they no longer see what it was opened for (a company, a task): the page reloads
 * its data instead of looking live while receiving nothing.
 */
export const ACCESS_CHANGED = 'ACCESS_CHANGED';
