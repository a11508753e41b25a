import { type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Role, Specialty } from '@ecohub/domain';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { Company } from '../company/company.entity.ts';
import { Organization } from '../program/organization.entity.ts';

/** A person who uses EcoHub or takes part in the program; company staff belong to their company. */
@Entity()
export class Person extends BaseEntity {
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  nameEn: string | null = null;

  @Enum({ items: () => Role })
  role!: Role;

  @ManyToOne(() => Company, { ref: true, nullable: true })
  company: Ref<Company> | null = null;

  @ManyToOne(() => Organization, { ref: true, nullable: true })
  organization: Ref<Organization> | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  jobTitle: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  phone: string | null = null;

  @Enum({ items: () => Specialty, array: true, default: [] })
  specialties: Specialty[] & Opt = [];

  @Property({ type: 'string', length: 5, default: 'ko' })
  locale: string & Opt = 'ko';

  /** argon2id hash; null until the person accepts an invitation. */
  @Property({ type: 'string', length: 200, nullable: true, hidden: true, lazy: true })
  passwordHash: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;
}
