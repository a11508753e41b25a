import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../core/auth/viewer.ts';
import { findRecord } from '../../core/database/records.ts';
import { badInput, forbidden, notFound } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import type { ChangeEvent } from '../../core/realtime/outbox.ts';
import { Comment } from '../comment/index.ts';
import { Diagnosis } from '../diagnosis/index.ts';
import { Measure } from '../measure/index.ts';
import { Task } from '../task/index.ts';
import type { Attachment } from './attachment.entity.ts';

/** `draftTask`: a file for a comment not yet posted on that task (see Attachment.draftTask). */
export const TARGET_KINDS = ['diagnosis', 'measure', 'task', 'comment', 'draftTask'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export interface AttachmentTarget {
  kind: TargetKind;
  id: string;
}

/** What a file is (or goes) attached to: its company, its state and the event its change publishes. */
export interface LoadedTarget {
  target: AttachmentTarget;
  companyId: string;
  programYearId: string | null;
  /** Archived or deleted targets take no new files. */
  closed: boolean;
  /** Set for comments: only the author attaches, and visibility applies. */
  comment: Comment | null;
  /** Null for drafts: nobody else sees them, so nothing is published or recorded. */
  event: Omit<ChangeEvent, 'entityId'> | null;
}

const programYearOfMeasure = (measure: Measure | null | undefined) => measure?.participation.getEntity().programYear.id ?? null;

export async function loadTarget(em: EntityManager, target: AttachmentTarget): Promise<LoadedTarget> {
  switch (target.kind) {
    case 'diagnosis': {
      const diagnosis = await findRecord(em, Diagnosis, target.id, 'Diagnosis', { populate: ['participation'] });
      const companyId = diagnosis.company.id;
      const programYearId = diagnosis.participation.getEntity().programYear.id;
      return { target, companyId, programYearId, closed: false, comment: null, event: { type: EventType.DIAGNOSIS_CHANGED, companyId, programYearId } };
    }
    case 'measure': {
      const measure = await findRecord(em, Measure, target.id, 'Measure', { populate: ['participation'] });
      const companyId = measure.company.id;
      const programYearId = programYearOfMeasure(measure);
      const event = { type: EventType.MEASURE_UPDATED, companyId, programYearId };
      return { target, companyId, programYearId, closed: measure.archivedAt !== null, comment: null, event };
    }
    case 'task': {
      const task = await findRecord(em, Task, target.id, 'Task', { populate: ['measure.participation'] });
      const companyId = task.company.id;
      const programYearId = programYearOfMeasure(task.measure?.getEntity());
      const event = { type: EventType.TASK_UPDATED, companyId, programYearId, taskId: task.id, payload: { status: task.status } };
      return { target, companyId, programYearId, closed: task.archivedAt !== null, comment: null, event };
    }
    case 'draftTask': {
      const task = await findRecord(em, Task, target.id, 'Task');
      return { target, companyId: task.company.id, programYearId: null, closed: task.archivedAt !== null, comment: null, event: null };
    }
    case 'comment': {
      const comment = await findRecord(em, Comment, target.id, 'Comment', { populate: ['task.measure.participation'] });
      const task = comment.task.getEntity();
      const companyId = comment.company.id;
      const programYearId = programYearOfMeasure(task.measure?.getEntity());
      const event = { type: EventType.COMMENT_EDITED, companyId, programYearId, taskId: task.id, payload: { visibility: comment.visibility } };
      return { target, companyId, programYearId, closed: comment.deletedAt !== null, comment, event };
    }
  }
}

/** The target an existing attachment hangs on. */
export function targetOf(attachment: Attachment): AttachmentTarget {
  if (attachment.comment) return { kind: 'comment', id: attachment.comment.id };
  if (attachment.task) return { kind: 'task', id: attachment.task.id };
  if (attachment.draftTask) return { kind: 'draftTask', id: attachment.draftTask.id };
  if (attachment.measure) return { kind: 'measure', id: attachment.measure.id };
  return { kind: 'diagnosis', id: attachment.diagnosis!.id };
}

/**
 * Who may attach where: diagnoses and measures are the experts' (work.write); tasks take files
 * from anyone on the company's work, staff included; a comment from its author only; a draft
 * from anyone who may comment on the task.
 */
const ATTACH_ACTION = { diagnosis: 'work.write', measure: 'work.write', task: 'attachment.add', comment: 'attachment.add', draftTask: 'comment.write' } as const;
const ENTITY = { diagnosis: 'Diagnosis', measure: 'Measure', task: 'Task', comment: 'Comment', draftTask: 'Task' } as const;

export async function assertMayAttach(ctx: UnitOfWork, loaded: LoadedTarget): Promise<Viewer> {
  const { target, companyId, comment } = loaded;
  const viewer = await ctx.access.assertCanWrite(ATTACH_ACTION[target.kind], companyId, ENTITY[target.kind], target.id);
  if (comment && !ctx.access.commentVisibilities().includes(comment.visibility)) throw notFound('Comment', target.id);
  if (loaded.closed) throw badInput(`This ${target.kind} is archived or deleted and takes no new files`);
  if (comment && comment.author.id !== viewer.personId) throw forbidden('Only the author attaches files to a comment');
  return viewer;
}
