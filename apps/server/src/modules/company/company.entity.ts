import { type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../core/graphql/scalars.ts';
import { VersionedEntity } from '../../core/database/base.entity.ts';
// A cycle (a person belongs to a company) that only lazy references cross.
import { Person } from '../people/person.entity.ts';

/** A manufacturing SME that applies to, and takes part in, program years. */
@ObjectType({ description: 'A manufacturing SME taking part in the program' })
@Entity()
export class Company extends VersionedEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  nameKo!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  nameEn: string | null = null;

  /** Korean business registration number, stored formatted as XXX-XX-XXXXX. */
  @Field(() => String)
  @Property({ type: 'string', length: 12, unique: true })
  businessNumber!: string;

  /** KSIC industry code, e.g. 25921 (electroplating). */
  @Field(() => String)
  @Property({ type: 'string', length: 10 })
  industryCode!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  industryLabel!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  industrialComplex: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  address: string | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  employees: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  ceoName: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  contactName: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  contactEmail: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone: string | null = null;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  archivedAt: Date | null = null;

  /** Who wrote the current version (see people/edit-stamp.ts); exposed by a field resolver. */
  @ManyToOne(() => Person, { ref: true, nullable: true })
  lastEditedBy: Ref<Person> | null = null;

  @Field(() => DateTime, { nullable: true, description: 'When the current version was written' })
  @Property({ type: 'datetime', nullable: true })
  lastEditedAt: Date | null = null;
}
