import { type Opt } from '@mikro-orm/core';
import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { VersionedEntity } from '../../core/database/base.entity.ts';

/** A manufacturing SME that applies to, and takes part in, program years. */
@Entity()
export class Company extends VersionedEntity {
  @Property({ type: 'string', length: 200 })
  nameKo!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  nameEn: string | null = null;

  /** Korean business registration number, stored formatted as XXX-XX-XXXXX. */
  @Property({ type: 'string', length: 12, unique: true })
  businessNumber!: string;

  /** KSIC industry code, e.g. 25921 (electroplating). */
  @Property({ type: 'string', length: 10 })
  industryCode!: string;

  @Property({ type: 'string', length: 200 })
  industryLabel!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  industrialComplex: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  address: string | null = null;

  @Property({ type: 'integer', nullable: true })
  employees: number | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  ceoName: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  contactName: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  contactEmail: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  archivedAt: Date | null = null;
}
