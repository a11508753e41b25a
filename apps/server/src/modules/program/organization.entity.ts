import { Enum, Entity, Property } from '@mikro-orm/decorators/legacy';
import { OrganizationKind } from '@ecohub/domain';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.ts';

/** A sponsor or the host firm: ministry, agency, city, consulting firm, association. */
@ObjectType()
@Entity()
export class Organization extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  nameKo!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  nameEn: string | null = null;

  @Field(() => OrganizationKind)
  @Enum({ items: () => OrganizationKind })
  kind!: OrganizationKind;
}
