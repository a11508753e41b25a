import { BigIntType, type Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EventPayload } from './event-types.ts';

/**
 * A change event written in the same transaction as the change. `seq` is assigned at the very
 * end of the transaction under a transaction-scoped advisory lock, so sequence order is commit
 * order and a reader that has seen N has seen everything below N (see outbox.ts).
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['companyId', 'seq'] })
export class OutboxEvent {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: false })
  seq!: number;

  /** e.g. task.moved, comment.added */
  @Property({ type: 'string', length: 60 })
  type!: string;

  @Property({ type: 'uuid', nullable: true })
  companyId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  programYearId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  taskId: string | null = null;

  /** For personal events (notifications): the one person who may receive it. */
  @Property({ type: 'uuid', nullable: true })
  recipientId: string | null = null;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'json' })
  payload: EventPayload & Opt = {};

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
