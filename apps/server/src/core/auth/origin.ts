import type { IncomingMessage } from 'node:http';

/**
 * Cross-site websocket hijacking: browsers send cookies with a websocket upgrade from any site,
 * and the same-origin policy does not apply to websockets. So a socket is accepted only from the
 * configured origins (ALLOWED_ORIGINS, or PUBLIC_URL's) or, when none are configured, from the
 * origin the request was addressed to (its Host). Requests without an Origin header come from
 * non-browser clients, which carry no ambient cookies and so cannot be hijacked.
 */
export function originAllowed(request: IncomingMessage, allowedOrigins: readonly string[] | null): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins) return allowedOrigins.includes(origin);
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
