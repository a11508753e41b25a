import type { TestClient } from './graphql-client.ts';

/**
 * The dispatcher's reads and pruning of the outbox and the once-a-minute session touch are not a
 * request's own work; the session lookup and `liveSequence` (the outbox position) are.
 */
const BACKGROUND = /from outbox_event where|delete from outbox_event|update session/;

/**
 * Counts the SQL statements of one request: pass `onQuery` to startTestServer, then `count`
 * runs the operation once unmeasured (it absorbs first-use work) and once counted.
 */
export class StatementCounter {
  private counting = false;
  statements: string[] = [];

  readonly onQuery = (message: string): void => {
    if (this.counting && !BACKGROUND.test(message)) this.statements.push(message);
  };

  async count(client: TestClient, query: string, variables: Record<string, unknown> = {}): Promise<number> {
    await client.data(query, variables);
    this.statements = [];
    this.counting = true;
    try {
      await client.data(query, variables);
    } finally {
      this.counting = false;
    }
    return this.statements.length;
  }
}
