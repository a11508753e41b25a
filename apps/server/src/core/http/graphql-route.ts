import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Apollo Server behind Express, as `@as-integrations/express5` does it, minus two costs every
 * answer paid there: the legacy `url.parse` of the request URL, and `res.send`, which copies the
 * whole answer into a Buffer to learn its length (a 20 kB page is written once, as a string, with
 * its byte length). The body is parsed by `express.json` mounted before it.
 */
export function graphqlRoute<T extends BaseContext>(apollo: ApolloServer<T>, context: (http: { req: Request; res: Response }) => Promise<T>): RequestHandler {
  apollo.assertStarted('graphqlRoute()');
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: query === -1 ? '' : req.url.slice(query), body: req.body },
      context: () => context({ req, res }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('Content-Length', Buffer.byteLength(response.body.string));
      res.end(req.method === 'HEAD' ? undefined : response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
