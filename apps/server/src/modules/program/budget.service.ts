import { ref } from '@mikro-orm/core';
import { LIMITS, Validator } from '@ecohub/domain';
import { assertValid, badInput } from '../../core/errors.ts';
import { assertVersion, findRecord } from '../../core/database/records.ts';
import { applyChanges, inTransaction } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { creationDiff } from '../activity/index.ts';
import { BudgetLine } from './budget-line.entity.ts';
import { Organization } from './organization.entity.ts';
import { ProgramYear } from './program-year.entity.ts';
import type { SetBudgetLineInput } from './program.inputs.ts';

/**
 * A year has one line per funding source: setting it creates the line the first time and
 * edits it afterwards (then naming the version edited, like every update).
 */
export async function setBudgetLine(ctx: UnitOfWork, input: SetBudgetLineInput): Promise<BudgetLine> {
  const v = new Validator()
    .krw('plannedKrw', input.plannedKrw)
    .krw('spentKrw', input.spentKrw)
    .text('label', input.label, { max: LIMITS.shortText });
  assertValid(v.violations);
  return inTransaction(ctx, async (em, changes) => {
    const year = await findRecord(em, ProgramYear, input.programYearId, 'ProgramYear');
    const organization =
      input.organizationId === undefined || input.organizationId === null
        ? input.organizationId
        : ref(await findRecord(em, Organization, input.organizationId, 'Organization'));
    const existing = await em.findOne(BudgetLine, { programYear: year.id, source: input.source });
    let line: BudgetLine;
    let diff;
    if (existing) {
      if (input.version === undefined || input.version === null) {
        throw badInput(`The ${input.source} line exists already: send the version you are editing`, [
          { field: 'version', rule: 'required', message: 'version is required to edit an existing budget line' },
        ]);
      }
      assertVersion('BudgetLine', existing, input.version);
      line = existing;
      diff = applyChanges(line, {
        plannedKrw: input.plannedKrw,
        spentKrw: input.spentKrw ?? undefined,
        label: input.label === undefined ? undefined : input.label?.trim() || null,
        organization,
      });
    } else {
      const values = {
        source: input.source,
        plannedKrw: input.plannedKrw,
        spentKrw: input.spentKrw ?? 0,
        label: input.label?.trim() || null,
      };
      line = em.create(BudgetLine, { ...values, programYear: year, organization: organization ?? null });
      diff = creationDiff({ ...values, organization: organization?.id });
    }
    if (Object.keys(diff).length > 0) {
      changes.record(
        {
          action: existing ? 'budgetLine.updated' : 'budgetLine.created',
          entityType: 'BudgetLine',
          entityId: line.id,
          programYearId: year.id,
          summary: `Year ${year.number} ${line.source} budget: ${line.plannedKrw} KRW planned, ${line.spentKrw} KRW spent`,
          diff,
        },
        { type: EventType.BUDGET_CHANGED, programYearId: year.id },
      );
    }
    return line;
  });
}
