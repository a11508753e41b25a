import type { GraphQLContext } from '../../core/graphql/context.ts';

/** The origin links point to: the configured public URL, else the one this request came to. */
export function publicOrigin(ctx: GraphQLContext): string {
  const configured = ctx.services.config.publicUrl;
  if (configured) return new URL(configured).origin;
  const req = ctx.http?.req;
  return req ? `${req.protocol}://${req.get('host') ?? 'localhost'}` : 'http://localhost';
}

/** The client address the sign-in throttle counts by (the proxy's view when TRUST_PROXY is set). */
export function clientAddress(ctx: GraphQLContext): string | null {
  return ctx.http?.req.ip ?? null;
}
