import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { CommentVisibility } from '@ecohub/domain';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { EventType, type RecordedPayload } from '../../core/realtime/event-types.ts';
import { changeKind, liveTopic, type LiveTopic } from '../../core/realtime/live-topic.ts';
import { eq } from '../../core/realtime/outbox-scope.ts';
import { SEQ_DESCRIPTION } from '../../core/realtime/resync.ts';
import { Comment } from './comment.entity.ts';


/** What a comment event carries: its visibility (live delivery withholds INTERNAL ones from staff). */
export interface CommentEventPayload extends RecordedPayload {
  visibility: CommentVisibility;
  attachmentId?: string;
}

declare module '../../core/realtime/event-types.ts' {
  interface EventPayloads {
    'comment.added': CommentEventPayload;
    'comment.edited': CommentEventPayload;
    'comment.deleted': CommentEventPayload;
  }
}

export const COMMENT_EVENTS = [EventType.COMMENT_ADDED, EventType.COMMENT_EDITED, EventType.COMMENT_DELETED] as const;

export const CommentChangeKind = { ADDED: 'ADDED', EDITED: 'EDITED', DELETED: 'DELETED' } as const;
export type CommentChangeKind = (typeof CommentChangeKind)[keyof typeof CommentChangeKind];
registerEnumType(CommentChangeKind, { name: 'CommentChangeKind' });

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

/** The comments of one task (their visibility is checked per subscriber by mayReceive). */
export function commentTopic(taskId: string, companyId: string): LiveTopic<CommentChange> {
  return liveTopic('comments', COMMENT_EVENTS, { condition: eq('task_id', taskId), company: companyId }, async (record, records) => ({
    seq: record.seq,
    kind: changeKind<CommentChangeKind>(record.type),
    commentId: record.entityId,
    taskId,
    comment: await records.load(record.seq, 'comment', (em) => em.findOne(Comment, record.entityId, { populate: ['author'] })),
  }));
}
