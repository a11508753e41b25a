import { type Opt } from '@mikro-orm/core';
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { newId } from '../ids.ts';
import { DateTime } from '../graphql/scalars.ts';

/** Every table has a time-ordered uuid key and creation/update stamps, all exposed in the API. */
@ObjectType('Entity')
export abstract class BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => DateTime)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Field(() => DateTime)
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** Entities edited concurrently carry a version: updates name the version they edit. */
@ObjectType('VersionedEntity')
export abstract class VersionedEntity extends BaseEntity {
  @Field(() => Int, { description: 'Increases with every change; send it back with an update' })
  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}
