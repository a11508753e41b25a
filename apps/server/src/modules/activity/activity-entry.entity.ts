import { ArrayType, type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AudienceScope } from '../../core/auth/visibility.ts';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { ProgramYear } from '../program/program-year.entity.ts';

export type FieldDiff = Record<string, { from: unknown; to: unknown }>;

/** Who did what to which record, with a field-level diff; written in the mutation's transaction. */
@ObjectType({ description: 'Who did what to which record, with the fields it changed' })
@Entity()
@Index({ properties: ['entityType', 'entityId', 'createdAt'] })
@Index({ properties: ['company', 'createdAt'] })
@Index({ properties: ['actor', 'createdAt'] })
export class ActivityEntry extends BaseEntity {
  @ManyToOne(() => Person, { ref: true, nullable: true })
  actor: Ref<Person> | null = null;

  /** e.g. task.moved, comment.added, participation.transitioned */
  @Field(() => String, { description: 'What happened, e.g. participation.transitioned' })
  @Property({ type: 'string', length: 60 })
  action!: string;

  @Field(() => String, { description: 'The kind of record, e.g. Participation' })
  @Property({ type: 'string', length: 40 })
  entityType!: string;

  @Field(() => String)
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  summary: string | null = null;

  @ManyToOne(() => Company, { ref: true, nullable: true })
  company: Ref<Company> | null = null;

  @ManyToOne(() => ProgramYear, { ref: true, nullable: true })
  programYear: Ref<ProgramYear> | null = null;

  @Property({ type: 'json' })
  diff: FieldDiff & Opt = {};

  /** Who may read the entry (core/auth/visibility.ts): the feed filters on it, live events carry it. */
  @Property({ type: 'string', length: 12 })
  audience: AudienceScope & Opt = AudienceScope.MANAGERS;

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  audienceCompanyIds: string[] & Opt = [];

  @Property({ type: 'boolean' })
  audienceInternal: boolean & Opt = false;
}
