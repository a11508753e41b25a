import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/database/base.entity.ts';

/**
 * Failed logins, kept in the database so the rate limit holds across server instances.
 * `key` is `account:<email>` or `address:<ip>`.
 */
@Entity()
@Index({ properties: ['key', 'createdAt'] })
export class LoginAttempt extends BaseEntity {
  @Property({ type: 'string', length: 300 })
  key!: string;
}
