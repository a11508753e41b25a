import type { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { can } from '../../core/auth/policy.ts';
import { attachmentAudience } from '../../core/auth/visibility.ts';
import { findRecord } from '../../core/database/records.ts';
import { inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { Comment } from '../comment/index.ts';
import { Attachment } from './attachment.entity.ts';
import { attachmentStorage } from './attachment-storage-factory.ts';
import { assertMayAttach, loadTarget, targetOf, type AttachmentTarget, type LoadedTarget } from './attachment-target.ts';
import type { ReceivedFile } from './attachment-upload.ts';

/** One content hash at a time: adopting a file and deleting its last reference do not interleave. */
async function lockContent(em: EntityManager, sha256: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended('attachment:' || ?, 0))`, [sha256]);
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
 * follows the comment (hidden with it, internal ones not for staff). Otherwise NOT_FOUND.
 */
export async function visibleAttachment(ctx: UnitOfWork, id: string): Promise<Attachment> {
  const attachment = await findRecord(ctx.em, Attachment, id, 'Attachment');
  await ctx.access.assertCanSeeCompany('work', attachment.company.id, 'Attachment', id);
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
    } else if (!can(viewer, 'attachment.add')) {
      throw forbidden();
    }
    await lockContent(em, attachment.sha256);
    await em.nativeDelete(Attachment, { id });
    const [{ count }] = (await em.execute(`select count(*) as count from attachment where sha256 = ?`, [attachment.sha256])) as [{ count: string }];
    if (Number(count) === 0) await storage.remove(attachment.sha256);
    recordChange(changes, 'attachment.deleted', attachment, await loadTarget(em, targetOf(attachment)));
    return attachment;
  });
}

/** History and the target's change event, seen by who sees the target; file names on comments stay out of the history. */
function recordChange(changes: ChangeLog, action: string, attachment: Attachment, target: LoadedTarget): void {
  changes.record(
    {
      action,
      entityType: 'Attachment',
      entityId: attachment.id,
      summary: target.comment ? null : attachment.fileName,
      companyId: target.companyId,
      programYearId: target.event.programYearId ?? null,
      audience: attachmentAudience(target.companyId, target.comment?.visibility ?? null),
    },
    // The event is the target's change (taskChanged names the task), not the attachment's.
    { ...target.event, entityId: target.target.id, payload: { ...target.event.payload, attachmentId: attachment.id } },
  );
}
