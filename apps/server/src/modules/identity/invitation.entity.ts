import { type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { Person } from '../people/person.entity.ts';

/** A single-use, expiring invitation for a person to set their password and sign in. */
@Entity()
export class Invitation extends BaseEntity {
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @ManyToOne(() => Person, { ref: true })
  invitedBy!: Ref<Person>;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;
}
