import { type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { Person } from '../people/person.entity.ts';

/** A sign-in link sent by mail: single use, 15 minutes; only the token's hash is kept. */
@Entity()
export class SignInLink extends BaseEntity {
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}
