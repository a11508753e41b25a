import { mayRead, type DataKind } from '../../core/auth/policy.ts';
import { badInput, forbidden, notFound } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { isUuid } from '../../core/ids.ts';
import { eq, type OutboxScope } from '../../core/realtime/outbox-scope.ts';
import { programYearScope } from '../participation/index.ts';

/** Who may open which subscription: checked once at subscribe; each event is checked by mayReceive. */

export interface CompanyOrYearArgs {
  companyId?: string | null;
  programYearId?: string | null;
}

/**
 * Checks that the viewer may watch the requested company or program year (an invisible company
 * is NOT_FOUND, a kind of data the role never sees is FORBIDDEN) and returns its scope.
 */
export async function companyOrYearScope(ctx: UnitOfWork, kind: DataKind, args: CompanyOrYearArgs): Promise<OutboxScope> {
  if (Boolean(args.companyId) === Boolean(args.programYearId)) {
    throw badInput('Give either companyId or programYearId', [
      { field: 'companyId', rule: 'exactlyOne', message: 'companyId or programYearId, not both' },
    ]);
  }
  assertMayWatch(ctx, kind);
  if (args.companyId) {
    await assertExists(ctx, 'company', 'Company', args.companyId);
    await ctx.access.assertCanSeeCompany(kind, args.companyId, 'Company', args.companyId);
    return { condition: eq('company_id', args.companyId), company: args.companyId };
  }
  const programYearId = args.programYearId as string;
  await assertExists(ctx, 'program_year', 'ProgramYear', programYearId);
  return programYearScope(ctx.em.fork(), programYearId);
}

/** A malformed id is simply not found (PostgreSQL would reject it as a uuid syntax error). */
async function assertExists(ctx: UnitOfWork, table: 'company' | 'program_year', entity: string, id: string): Promise<void> {
  const rows = isUuid(id) ? await ctx.em.execute(`select 1 from ${table} where id = ?`, [id]) : [];
  if (rows.length === 0) throw notFound(entity, id);
}

/** Signed in, and in a role that reads this kind of data at all. */
export function assertMayWatch(ctx: UnitOfWork, kind: DataKind): void {
  if (!mayRead(ctx.access.requireViewer(), kind)) throw forbidden();
}

/** A program year's calendar: every signed-in person has one (which events arrive is the event rule's). */
export async function yearEventsScope(ctx: UnitOfWork, programYearId: string): Promise<OutboxScope> {
  ctx.access.requireViewer();
  await assertExists(ctx, 'program_year', 'ProgramYear', programYearId);
  return { condition: eq('program_year_id', programYearId) };
}
