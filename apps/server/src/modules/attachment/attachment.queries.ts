import type { FilterQuery } from '@mikro-orm/postgresql';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { assertFilterIds } from '../../core/graphql/id-filter.ts';
import { paginate, type PageArgs } from '../../core/graphql/pagination.ts';
import { Attachment } from './attachment.entity.ts';
import type { AttachmentFilter } from './attachment.inputs.ts';

/**
 * Attachments the viewer may see, in SQL: their company's work is the viewer's, and files on
 * comments follow the comment (live, and of a visibility the viewer may read). Drafts waiting
 * in a composer are listed nowhere: the composer knows its own.
 */
export async function visibleAttachmentsWhere(ctx: UnitOfWork): Promise<Record<string, unknown>> {
  return {
    $and: [
      await ctx.access.companyFilter('work'),
      { draftTask: null },
      { $or: [{ comment: null }, { comment: { deletedAt: null, visibility: { $in: ctx.access.commentVisibilities() } } }] },
    ],
  };
}

/** In upload order. */
export async function listAttachments(ctx: UnitOfWork, filter: AttachmentFilter | null, page: PageArgs) {
  assertFilterIds(filter, ['diagnosisId', 'measureId', 'taskId', 'commentId']);
  const f = filter ?? {};
  const where = {
    ...(await visibleAttachmentsWhere(ctx)),
    ...(f.diagnosisId ? { diagnosis: f.diagnosisId } : {}),
    ...(f.measureId ? { measure: f.measureId } : {}),
    ...(f.taskId ? { task: f.taskId } : {}),
    ...(f.commentId ? { comment: f.commentId } : {}),
  };
  return paginate(ctx.em, Attachment, where as FilterQuery<Attachment>, page);
}

/** Batched: the visible attachments of many parents (tasks, measures, comments, diagnoses) in one query. */
export async function attachmentsOf(
  ctx: UnitOfWork,
  relation: 'task' | 'measure' | 'comment' | 'diagnosis',
  ids: readonly string[],
): Promise<Attachment[][]> {
  const rows = await ctx.em.find(
    Attachment,
    { ...(await visibleAttachmentsWhere(ctx)), [relation]: { $in: [...ids] } } as FilterQuery<Attachment>,
    { orderBy: { id: 'asc' } },
  );
  const byParent = new Map<string, Attachment[]>();
  for (const row of rows) {
    const parent = row[relation]?.id as string;
    byParent.set(parent, [...(byParent.get(parent) ?? []), row]);
  }
  return ids.map((id) => byParent.get(id) ?? []);
}
