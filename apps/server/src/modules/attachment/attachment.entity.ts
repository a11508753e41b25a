import { type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.ts';
import { Comment } from '../comment/comment.entity.ts';
import { Company } from '../company/company.entity.ts';
import { Diagnosis } from '../diagnosis/diagnosis.entity.ts';
import { Measure } from '../measure/measure.entity.ts';
import { Person } from '../people/person.entity.ts';
import { Task } from '../task/task.entity.ts';

/** A file (plant photo, report) on exactly one of a diagnosis, measure, task or comment. */
@ObjectType({ description: 'A file on a diagnosis, measure, task or comment; download it from `url`' })
@Entity()
@Index({ properties: ['task'] })
@Index({ properties: ['measure'] })
@Index({ properties: ['comment'] })
@Index({ properties: ['diagnosis'] })
@Index({ properties: ['draftTask'] })
@Index({ properties: ['sha256'] })
export class Attachment extends BaseEntity {
  @ManyToOne(() => Company, { ref: true })
  company!: Ref<Company>;

  @ManyToOne(() => Diagnosis, { ref: true, nullable: true })
  diagnosis: Ref<Diagnosis> | null = null;

  @ManyToOne(() => Measure, { ref: true, nullable: true })
  measure: Ref<Measure> | null = null;

  @ManyToOne(() => Task, { ref: true, nullable: true })
  task: Ref<Task> | null = null;

  @ManyToOne(() => Comment, { ref: true, nullable: true })
  comment: Ref<Comment> | null = null;

  /**
   * Set while the file waits in a comment composer on this task (no target yet): only its
   * uploader sees it, and posting the comment moves it onto the comment.
   */
  @ManyToOne(() => Task, { ref: true, nullable: true })
  draftTask: Ref<Task> | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  fileName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  contentType!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sizeBytes!: number;

  /** SHA-256 of the content, also the key in the storage backend. */
  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @ManyToOne(() => Person, { ref: true })
  uploadedBy!: Ref<Person>;
}
