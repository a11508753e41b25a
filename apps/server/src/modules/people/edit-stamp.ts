import { ref, type Ref } from '@mikro-orm/core';
import { can } from '../../core/auth/policy.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { ChangeLog } from '../../core/database/transaction.ts';
import { preloaded } from '../../core/graphql/planned-read.ts';
import { Person } from './person.entity.ts';

/**
 * Who wrote a record's current version, and when: an edit form that sees a newer version names
 * that person ("changed by 이수진") instead of "someone else". Tasks, measures, diagnoses and
 * companies carry it.
 */
export interface EditStamped {
  lastEditedBy: Ref<Person> | null;
  lastEditedAt: Date | null;
}

/** Called with every change that moves the record's version, in that change's transaction. */
export function stampEdit(record: EditStamped, changes: ChangeLog): void {
  record.lastEditedBy = changes.actorId ? ref(Person, changes.actorId) : null;
  record.lastEditedAt = new Date();
}

/**
 * The last editor for the `lastEditedBy` field: personal data, so null for viewers who may not
 * read it (observers). A planned page brings the person with the row.
 */
export async function lastEditor(record: EditStamped, ctx: UnitOfWork): Promise<Person | null> {
  if (!can(ctx.viewer, 'personalData.read')) return null;
  const planned = preloaded<Person | null>(record, 'lastEditedBy');
  if (planned !== undefined) return planned;
  return record.lastEditedBy ? ((await record.lastEditedBy.load({ dataloader: true })) ?? null) : null;
}

export const LAST_EDITED_BY_DESCRIPTION = 'Who wrote the current version; null for the system and for viewers who may not see personal data';
