import type { Readable } from 'node:stream';
import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LIMITS } from '@ecohub/domain';
import type { AppServices } from '../../core/app-services.ts';
import { can } from '../../core/auth/policy.ts';
import { attachmentAudience } from '../../core/auth/visibility.ts';
import { findRecord } from '../../core/database/records.ts';
import { inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import { badInput, forbidden, notFound } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { Comment } from '../comment/comment.entity.ts';
import { Attachment } from './attachment.entity.ts';
import type { AttachmentStorage } from './attachment-storage.ts';
import { attachmentStorage } from './attachment-storage-factory.ts';
import { assertMayAttach, loadTarget, targetOf, type AttachmentTarget, type LoadedTarget } from './attachment-target.ts';
import type { ReceivedFile } from './attachment-upload.ts';

/** One content hash at a time: adopting a file and deleting its last reference do not interleave. */
async function lockContent(em: EntityManager, sha256: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended('attachment:' || ?, 0))`, [sha256]);
}

/** Deletes one attachment row, and its stored content when no other row uses it. */
async function removeRow(em: EntityManager, storage: AttachmentStorage, attachment: Pick<Attachment, 'id' | 'sha256'>): Promise<void> {
  await lockContent(em, attachment.sha256);
  await em.nativeDelete(Attachment, { id: attachment.id });
  const [{ count }] = (await em.execute(`select count(*) as count from attachment where sha256 = ?`, [attachment.sha256])) as [{ count: string }];
  if (Number(count) === 0) await storage.remove(attachment.sha256);
}

export async function saveAttachment(
  ctx: UnitOfWork,
  target: AttachmentTarget,
  file: { fileName: string; contentType: string; received: ReceivedFile },
): Promise<Attachment> {
  const storage = attachmentStorage(ctx.services.config);
  return inTransaction(ctx, async (em, changes) => {
    const loaded = await loadTarget(em, target);
    const viewer = await assertMayAttach(ctx, loaded);
    await lockContent(em, file.received.sha256);
    await storage.adopt(file.received.tempPath, file.received.sha256);
    const attachment = em.create(Attachment, {
      company: loaded.companyId,
      [target.kind]: target.id,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.received.sizeBytes,
      sha256: file.received.sha256,
      uploadedBy: viewer.personId,
    });
    recordChange(changes, 'attachment.added', attachment, loaded);
    return attachment;
  });
}

/**
 * An attachment the viewer may see: its company's work is theirs, and a file on a comment
 * follows the comment (hidden with it, internal ones not for staff); a draft is its uploader's
 * alone. Otherwise NOT_FOUND.
 */
export async function visibleAttachment(ctx: UnitOfWork, id: string): Promise<Attachment> {
  const attachment = await findRecord(ctx.em, Attachment, id, 'Attachment');
  await ctx.access.assertCanSeeCompany('work', attachment.company.id, 'Attachment', id);
  if (attachment.draftTask && attachment.uploadedBy.id !== ctx.viewer?.personId) throw notFound('Attachment', id);
  if (attachment.comment) {
    const comment = (await attachment.comment.load()) as Comment;
    if (comment.deletedAt || !ctx.access.commentVisibilities().includes(comment.visibility)) throw notFound('Attachment', id);
  }
  return attachment;
}

export async function openAttachment(ctx: UnitOfWork, id: string): Promise<{ attachment: Attachment; stream: Readable }> {
  const attachment = await visibleAttachment(ctx, id);
  const stream = await attachmentStorage(ctx.services.config).open(attachment.sha256);
  return { attachment, stream };
}

/** The uploader, or anyone who does the company's consulting work, removes a file. */
export async function deleteAttachment(ctx: UnitOfWork, id: string): Promise<Attachment> {
  const viewer = ctx.access.requireViewer();
  const storage = attachmentStorage(ctx.services.config);
  return inTransaction(ctx, async (em, changes) => {
    const attachment = await visibleAttachment(ctx, id);
    const companyId = attachment.company.id;
    if (attachment.uploadedBy.id !== viewer.personId) {
      await ctx.access.assertCanWrite('work.write', companyId, 'Attachment', id);
    } else if (!can(viewer, 'attachment.add') && !attachment.draftTask) {
      throw forbidden();
    }
    await removeRow(em, storage, attachment);
    recordChange(changes, 'attachment.deleted', attachment, await loadTarget(em, targetOf(attachment)));
    return attachment;
  });
}

/**
 * A comment's files change with the comment, in its transaction: `add` are the author's drafts
 * on the comment's task (uploaded from the composer), `remove` files already on the comment.
 * A draft that is gone (removed, expired, someone else's) fails the whole post, so a comment
 * never appears without a file its author saw attached.
 */
export async function changeCommentFiles(
  ctx: UnitOfWork,
  em: EntityManager,
  changes: ChangeLog,
  comment: Comment,
  programYearId: string | null,
  files: { add?: readonly string[] | null; remove?: readonly string[] | null },
): Promise<void> {
  const add = [...new Set(files.add ?? [])];
  const remove = [...new Set(files.remove ?? [])];
  if (add.length === 0 && remove.length === 0) return;
  const viewer = ctx.access.requireViewer();
  const taskId = comment.task.id;
  const target: LoadedTarget = { target: { kind: 'comment', id: comment.id }, companyId: comment.company.id, programYearId, closed: false, comment, event: null };
  const kept = await em.count(Attachment, { comment: comment.id, id: { $nin: remove } });
  if (kept + add.length > LIMITS.commentFiles) {
    throw badInput(`A comment takes at most ${LIMITS.commentFiles} files`, [
      { field: 'attachments', rule: 'tooManyFiles', message: `at most ${LIMITS.commentFiles} files`, params: { max: LIMITS.commentFiles } },
    ]);
  }
  if (add.length > 0) {
    const drafts = await em.find(Attachment, { id: { $in: add }, draftTask: taskId, uploadedBy: viewer.personId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (drafts.length !== add.length) {
      throw badInput('A file is no longer waiting to be posted; attach it again', [{ field: 'attachments', rule: 'fileGone', message: 'a file is no longer waiting to be posted' }]);
    }
    for (const draft of drafts) {
      draft.draftTask = null;
      draft.comment = ref(comment);
      recordChange(changes, 'attachment.added', draft, target);
    }
  }
  if (remove.length > 0) {
    const storage = attachmentStorage(ctx.services.config);
    const gone = await em.find(Attachment, { id: { $in: remove }, comment: comment.id });
    if (gone.length !== remove.length) throw notFound('Attachment');
    for (const attachment of gone) {
      await removeRow(em, storage, attachment);
      recordChange(changes, 'attachment.deleted', attachment, target);
    }
  }
}

/** How long a file may wait in a composer: a day covers a comment written over lunch, not a forgotten tab. */
export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

/** Removes drafts nobody posted within DRAFT_TTL_MS (a closed tab, a crashed phone); returns how many. */
export async function discardStaleDrafts(services: AppServices, now: Date): Promise<number> {
  const storage = attachmentStorage(services.config);
  const em = services.orm.em.fork({ useContext: false });
  return em.transactional(async (tx) => {
    // SKIP LOCKED: a draft being posted right now is the post's, not ours.
    const stale = await tx.execute<{ id: string; sha256: string }[]>(
      `select id, sha256 from attachment where draft_task_id is not null and created_at < ? for update skip locked`,
      [new Date(now.getTime() - DRAFT_TTL_MS)],
    );
    for (const row of stale) await removeRow(tx, storage, row);
    return stale.length;
  });
}

/**
 * History and the target's change event, seen by who sees the target; file names on comments
 * stay out of the history. Drafts are nobody else's business and record nothing; a comment's
 * files publish no event of their own (the comment's change carries them).
 */
function recordChange(changes: ChangeLog, action: string, attachment: Attachment, target: LoadedTarget): void {
  if (target.target.kind === 'draftTask') return;
  const event = target.event;
  changes.record(
    {
      action,
      entityType: 'Attachment',
      entityId: attachment.id,
      summary: target.comment ? null : attachment.fileName,
      companyId: target.companyId,
      programYearId: target.programYearId,
      audience: attachmentAudience(target.companyId, target.comment?.visibility ?? null),
    },
    // The event is the target's change (taskChanged names the task), not the attachment's.
    event ? { ...event, entityId: target.target.id, payload: { ...event.payload, attachmentId: attachment.id } } : undefined,
  );
}
