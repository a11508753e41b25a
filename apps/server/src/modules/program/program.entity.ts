import { Collection, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../core/database/base.entity.ts';
import { Organization } from './organization.entity.ts';
import { ProgramYear } from './program-year.entity.ts';

/** A regional eco-innovation program (지역에코혁신사업) of one region, run by a host firm. */
@ObjectType({ description: 'A regional eco-innovation program (지역에코혁신사업)' })
@Entity()
export class Program extends VersionedEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  nameKo!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  region!: string;

  @ManyToOne(() => Organization, { ref: true })
  hostOrganization!: Ref<Organization>;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  durationYears!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @OneToMany(() => ProgramYear, (year) => year.program)
  years = new Collection<ProgramYear>(this);
}
