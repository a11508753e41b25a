import { type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { DateTime } from '../../core/graphql/scalars.ts';
import { Person } from '../people/person.entity.ts';

/** A single-use, expiring invitation for a person to set their password and sign in. */
@ObjectType({ description: 'An invitation to set a password and sign in: single use, expires' })
@Entity()
@Index({ properties: ['person'] })
export class Invitation extends BaseEntity {
  /** Only the hash is stored: the token cannot be shown again, or read from a leaked table. */
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @ManyToOne(() => Person, { ref: true })
  invitedBy!: Ref<Person>;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  /** Not stored: set only on the answer of invitePerson. */
  @Field(() => String, {
    nullable: true,
    description:
      'The secret token, present ONLY in the answer of invitePerson (the link is also mailed; this is the fallback to hand ' +
      'over), and it cannot be shown again (only its hash is kept). Null everywhere else.',
  })
  token: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The one-time link to open the invitation (`<origin>/accept-invitation#token=<token>`); like token, only in the answer of invitePerson',
  })
  link: string | null = null;
}
