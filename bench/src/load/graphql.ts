import { Pool } from 'undici';

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One keep-alive connection pool to a GraphQL endpoint, acting for one session. */
export class GraphQLClient {
  private readonly pool: Pool;

  constructor(
    origin: string,
    private readonly cookie: string,
    connections = 4,
  ) {
    this.pool = new Pool(origin, { connections, keepAliveTimeout: 30_000 });
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
    const response = await this.pool.request({
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.body.json()) as GraphQLAnswer<T>;
  }

  async data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await this.request<T>(query, variables);
    if (answer.errors?.length || !answer.data) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors).slice(0, 500)}`);
    return answer.data;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The first error message of an operation the schema may not have yet, or null when it runs. */
export async function probe(client: GraphQLClient, query: string, variables: Record<string, unknown>): Promise<string | null> {
  try {
    const answer = await client.request(query, variables);
    return answer.errors?.length ? (answer.errors[0]?.message ?? 'error') : null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
