import { type Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The answer to a create mutation, stored under the client's idempotency key in the same
 * transaction as the change: a retry returns it instead of creating a second record.
 */
@Entity({ tableName: 'idempotency_key' })
export class IdempotencyKey {
  /** `<personId>:<operation>:<client key>` */
  @PrimaryKey({ type: 'string', length: 400 })
  key!: string;

  @Property({ type: 'json' })
  result!: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
