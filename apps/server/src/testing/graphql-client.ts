import { DEMO_PASSWORD } from '../seeders/ansan/people.data.ts';

/** Minimal GraphQL-over-HTTP client for integration tests: real requests, cookies kept. */
export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export class TestClient {
  cookie: string | null = null;
  /** Sent with every request (e.g. X-Forwarded-For for a server with TRUST_PROXY). */
  headers: Record<string, string> = {};

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T> & { status: number }> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...this.headers,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? null;
    const body = (await response.json()) as GraphQLResponse<T>;
    return { ...body, status: response.status };
  }

  /** The data of a request that must succeed; throws with the errors otherwise. */
  async data<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  /** Signs in over HTTP (the cookie is kept for the following requests); demo accounts by default. */
  async signInAs(email: string, password: string = DEMO_PASSWORD): Promise<this> {
    this.cookie = null;
    await this.data('mutation($input: SignInInput!) { signIn(input: $input) { id } }', { input: { email, password } });
    return this;
  }

  /** The first error of a request that must fail. */
  async error(query: string, variables: Record<string, unknown> = {}): Promise<{ message: string; code?: string; extensions: Record<string, unknown> }> {
    const result = await this.request(query, variables);
    if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
    const first = result.errors[0] as { message: string; extensions?: Record<string, unknown> };
    return { message: first.message, code: first.extensions?.code as string | undefined, extensions: first.extensions ?? {} };
  }

  /** The first error code of a request that must fail. */
  async errorCode(query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
    const result = await this.request(query, variables);
    if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
    return result.errors[0]?.extensions?.code;
  }
}
