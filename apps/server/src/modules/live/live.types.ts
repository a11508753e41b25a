import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { ActivityEntry } from '../activity/index.ts';
import { BoardRow, CategoryKpi, KpiTotals } from '../board/index.ts';
import { Comment } from '../comment/index.ts';
import { Measure } from '../measure/index.ts';
import { Notification } from '../notification/index.ts';
import { Participation } from '../participation/index.ts';
import { Task } from '../task/index.ts';

const SEQ_DESCRIPTION =
  'Position of the event in the global, gap-tolerant, increasing event order. Pass the last one seen as `since` when subscribing again to receive exactly what was missed';

export const TaskChangeKind = { CREATED: 'CREATED', UPDATED: 'UPDATED', MOVED: 'MOVED', DELETED: 'DELETED' } as const;
export type TaskChangeKind = (typeof TaskChangeKind)[keyof typeof TaskChangeKind];
registerEnumType(TaskChangeKind, { name: 'TaskChangeKind', description: 'DELETED: archived, gone from the board' });

export const CommentChangeKind = { ADDED: 'ADDED', EDITED: 'EDITED', DELETED: 'DELETED' } as const;
export type CommentChangeKind = (typeof CommentChangeKind)[keyof typeof CommentChangeKind];
registerEnumType(CommentChangeKind, { name: 'CommentChangeKind' });

export const MeasureChangeKind = { CREATED: 'CREATED', UPDATED: 'UPDATED', DELETED: 'DELETED' } as const;
export type MeasureChangeKind = (typeof MeasureChangeKind)[keyof typeof MeasureChangeKind];
registerEnumType(MeasureChangeKind, { name: 'MeasureChangeKind' });

export const ParticipationChangeKind = { CREATED: 'CREATED', UPDATED: 'UPDATED' } as const;
export type ParticipationChangeKind = (typeof ParticipationChangeKind)[keyof typeof ParticipationChangeKind];
registerEnumType(ParticipationChangeKind, { name: 'ParticipationChangeKind' });

@ObjectType({ description: 'A task was created, changed (fields, assignees), moved on the board or deleted' })
export class TaskChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => TaskChangeKind)
  kind!: TaskChangeKind;

  @Field(() => ID)
  taskId!: string;

  @Field(() => ID)
  companyId!: string;

  @Field(() => Task, { nullable: true, description: 'The task as it is now; null once deleted' })
  task!: Task | null;
}

@ObjectType({ description: "A comment on a task was added, edited or deleted (internal ones reach experts and managers only)" })
export class CommentChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => CommentChangeKind)
  kind!: CommentChangeKind;

  @Field(() => ID)
  commentId!: string;

  @Field(() => ID)
  taskId!: string;

  @Field(() => Comment, { nullable: true, description: 'The comment as it is now (a deleted one has no body)' })
  comment!: Comment | null;
}

@ObjectType({ description: 'A measure was created, changed or deleted' })
export class MeasureChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => MeasureChangeKind)
  kind!: MeasureChangeKind;

  @Field(() => ID)
  measureId!: string;

  @Field(() => ID)
  companyId!: string;

  @Field(() => Measure, { nullable: true, description: 'The measure as it is now; null once deleted' })
  measure!: Measure | null;
}

@ObjectType({ description: "A company's participation in a program year was created or changed (status, team, dates)" })
export class ParticipationChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => ParticipationChangeKind)
  kind!: ParticipationChangeKind;

  @Field(() => ID)
  participationId!: string;

  @Field(() => ID)
  companyId!: string;

  @Field(() => Participation, { nullable: true, description: 'The participation as it is now' })
  participation!: Participation | null;
}

@ObjectType({ description: 'A new history entry' })
export class ActivityAdded {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => ActivityEntry)
  entry!: ActivityEntry;
}

@ObjectType({ description: "One company's program board row, recomputed after a change to its work" })
export class BoardRowChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => ID)
  companyId!: string;

  @Field(() => BoardRow, { nullable: true, description: 'The row as it is now; null when the company is no longer on the board (e.g. withdrawn)' })
  row!: BoardRow | null;

  @Field(() => KpiTotals, { description: "The year's program-wide totals after this change (the same figures as `ProgramYear.kpis.totals`), computed once per event" })
  totals!: KpiTotals;

  @Field(() => [CategoryKpi], { description: 'The year\'s breakdown by measure category after this change (as `ProgramYear.kpis.byCategory`)' })
  byCategory!: CategoryKpi[];
}

@ObjectType({ description: 'A new notification for the signed-in person' })
export class NotificationAdded {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => Notification)
  notification!: Notification;
}
