import { CommentVisibility, LIMITS, Validator } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { can } from '../../core/auth/policy.ts';
import { commentAudience } from '../../core/auth/visibility.ts';
import { applyChanges, inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import { idempotentCreate } from '../../core/idempotency/idempotency.ts';
import { assertVersion, findRecord } from '../../core/database/records.ts';
import { assertValid, badInput, forbidden, notFound } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { changeCommentFiles } from '../attachment/index.ts';
import type { FieldDiff } from '../activity/index.ts';
import { NotificationKind, notify } from '../notification/index.ts';
import { Person } from '../people/person.entity.ts';
import { Task } from '../task/index.ts';
import { resolveMentions } from './comment-mentions.ts';
import { Comment } from './comment.entity.ts';
import type { AddCommentInput } from './comment.inputs.ts';

function assertBody(body: string): void {
  assertValid(new Validator().text('body', body, { min: 1, max: LIMITS.commentBody, required: true }).violations);
}

export async function addComment(ctx: UnitOfWork, input: AddCommentInput): Promise<Comment> {
  assertBody(input.body);
  const visibility = input.visibility ?? CommentVisibility.SHARED;
  return inTransaction(
    ctx,
    async (em, changes) => {
      const task = await findRecord(em, Task, input.taskId, 'Task', { populate: ['measure.participation'] });
      const companyId = task.company.id;
      const viewer = await ctx.access.assertCanWrite('comment.write', companyId, 'Task', task.id);
      if (visibility === CommentVisibility.INTERNAL && !can(viewer, 'comment.readInternal')) {
        throw forbidden('Only experts and managers write internal comments');
      }
      if (task.archivedAt) throw badInput('This task is archived and takes no new comments');
      const mentions = await resolveMentions(em, companyId, input.body, visibility);
      const comment = em.create(Comment, {
        task,
        company: companyId,
        author: viewer.personId,
        body: input.body,
        visibility,
        mentions: mentions.map((id) => em.getReference(Person, id)),
      });
      await changeCommentFiles(ctx, em, changes, comment, programYearOf(task), { add: input.attachmentIds });
      recordComment(changes, comment, task, 'comment.added', EventType.COMMENT_ADDED, {});
      notify(em, changes, { kind: NotificationKind.Mention, recipientIds: mentions, actorId: viewer.personId, companyId, taskId: task.id, commentId: comment.id });
      return comment;
    },
    idempotentCreate(Comment, 'addComment', input.idempotencyKey),
  );
}

/** Authors edit their own words and files; people newly mentioned by the edit are notified. */
export async function editComment(
  ctx: UnitOfWork,
  id: string,
  body: string,
  version: number,
  files: { add?: readonly string[] | null; remove?: readonly string[] | null } = {},
): Promise<Comment> {
  assertBody(body);
  return inTransaction(ctx, async (em, changes) => {
    const { comment, task, viewer } = await commentForWrite(ctx, em, id, version);
    if (comment.author.id !== viewer.personId) throw forbidden('Only the author edits a comment');
    await comment.mentions.init();
    const before = new Set(comment.mentions.getItems().map((person) => person.id));
    const mentions = await resolveMentions(em, comment.company.id, body, comment.visibility);
    comment.mentions.set(mentions.map((personId) => em.getReference(Person, personId)));
    await changeCommentFiles(ctx, em, changes, comment, programYearOf(task), files);
    const { body: _words, ...diff } = applyChanges(comment, { body, editedAt: new Date() });
    recordComment(changes, comment, task, 'comment.edited', EventType.COMMENT_EDITED, diff);
    notify(em, changes, {
      kind: NotificationKind.Mention,
      recipientIds: mentions.filter((personId) => !before.has(personId)),
      actorId: viewer.personId,
      companyId: comment.company.id,
      taskId: task.id,
      commentId: comment.id,
    });
    return comment;
  });
}

/** A soft delete: the thread keeps its place, the body is hidden. Authors and managers may. */
export async function deleteComment(ctx: UnitOfWork, id: string, version: number): Promise<Comment> {
  return inTransaction(ctx, async (em, changes) => {
    const { comment, task, viewer } = await commentForWrite(ctx, em, id, version);
    if (comment.author.id !== viewer.personId && !can(viewer, 'comment.moderate')) {
      throw forbidden('Only the author or a program manager deletes a comment');
    }
    const diff = applyChanges(comment, { deletedAt: new Date() });
    recordComment(changes, comment, task, 'comment.deleted', EventType.COMMENT_DELETED, diff);
    return comment;
  });
}

/** A live comment the viewer can read (else NOT_FOUND), at the version the client edited. */
async function commentForWrite(ctx: UnitOfWork, em: EntityManager, id: string, version: number) {
  const comment = await findRecord(em, Comment, id, 'Comment', { populate: ['task.measure.participation'] });
  const viewer = await ctx.access.assertCanWrite('comment.write', comment.company.id, 'Comment', id);
  if (!ctx.access.commentVisibilities().includes(comment.visibility)) throw notFound('Comment', id);
  if (comment.deletedAt) throw badInput('This comment was deleted');
  assertVersion('Comment', comment, version);
  return { comment, task: comment.task.getEntity(), viewer };
}

const programYearOf = (task: Task) => task.measure?.getEntity().participation.getEntity().programYear.id ?? null;

function recordComment(changes: ChangeLog, comment: Comment, task: Task, action: string, type: EventType, diff: FieldDiff): void {
  const companyId = comment.company.id;
  const programYearId = programYearOf(task);
  // Bodies stay out of the history all the same: the entry shows who wrote on which task, not what.
  changes.record(
    { action, entityType: 'Comment', entityId: comment.id, summary: task.title, companyId, programYearId, diff, audience: commentAudience(companyId, comment.visibility) },
    { type, companyId, programYearId, taskId: task.id, payload: { visibility: comment.visibility } },
  );
}
