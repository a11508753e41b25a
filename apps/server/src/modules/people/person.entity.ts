import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Role, Specialty } from '@ecohub/domain';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { DateTime } from '../../core/graphql/scalars.ts';
import { Company } from '../company/company.entity.ts';
import { Organization } from '../program/organization.entity.ts';

/** A person who uses EcoHub or takes part in the program; company staff belong to their company. */
@ObjectType({ description: 'A person with a role; company staff belong to one company' })
@Entity()
@Index({ properties: ['company'] })
export class Person extends BaseEntity {
  /** Personal data: exposed through a field resolver that applies the privacy rules. */
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  nameEn: string | null = null;

  @Field(() => Role)
  @Enum({ items: () => Role })
  role!: Role;

  @ManyToOne(() => Company, { ref: true, nullable: true })
  company: Ref<Company> | null = null;

  @ManyToOne(() => Organization, { ref: true, nullable: true })
  organization: Ref<Organization> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  jobTitle: string | null = null;

  /** Personal data, like email. */
  @Property({ type: 'string', length: 40, nullable: true })
  phone: string | null = null;

  @Field(() => [Specialty])
  @Enum({ items: () => Specialty, array: true, default: [] })
  specialties: Specialty[] & Opt = [];

  @Field(() => String)
  @Property({ type: 'string', length: 5, default: 'ko' })
  locale: string & Opt = 'ko';

  /** argon2id hash; null until the person accepts an invitation. */
  @Property({ type: 'string', length: 200, nullable: true, hidden: true, lazy: true })
  passwordHash: string | null = null;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;

  /** Set when mail to this address bounced; no more mail is sent to it until the address changes. */
  @Property({ type: 'datetime', nullable: true })
  mailBouncedAt: Date | null = null;
}
