import { Role } from '@ecohub/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access } from '../../core/auth/access.ts';
import type { Viewer } from '../../core/auth/viewer.ts';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { liveTopic, type LiveTopic } from '../../core/realtime/live-topic.ts';
import type { OutboxScope } from '../../core/realtime/outbox-scope.ts';
import { SEQ_DESCRIPTION } from '../../core/realtime/resync.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { ACTIVITY_EVENTS } from '../activity/index.ts';
import { boardRow } from './board.queries.ts';
import { BoardRow, BudgetSourceKpi, CategoryKpi, KpiTotals } from './board.types.ts';
import { budgetBySource, totalsAndCategories } from './kpi.queries.ts';

@ObjectType({ description: "One company's program board row, recomputed after a change to its work" })
export class BoardRowChange {
  @Field(() => SafeInt, { description: SEQ_DESCRIPTION })
  seq!: number;

  @Field(() => ID, { nullable: true, description: "The company whose row changed; null for a change of the whole year (its budget), which carries no row" })
  companyId!: string | null;

  @Field(() => BoardRow, { nullable: true, description: 'The row as it is now; null when the company is no longer on the board (e.g. withdrawn), or for a change of the whole year' })
  row!: BoardRow | null;

  @Field(() => KpiTotals, { description: "The year's program-wide totals after this change (the same figures as `ProgramYear.kpis.totals`), computed once per event" })
  totals!: KpiTotals;

  @Field(() => [CategoryKpi], { description: "The year's breakdown by measure category after this change (as `ProgramYear.kpis.byCategory`)" })
  byCategory!: CategoryKpi[];

  @Field(() => [BudgetSourceKpi], { description: "The year's budget after this change (as `ProgramYear.kpis.budget`)" })
  budget!: BudgetSourceKpi[];
}

/**
 * Computes a board row for all subscribers at once, with every company in scope; each
 * subscriber's own rights are checked by `mayReceive` before the row is delivered to them.
 */
const BOARD_READER: Viewer = { personId: 'live-board', role: Role.ADMIN, companyId: null, sessionId: 'live-board' };

/**
 * Board rows of one program year: after any change to a company's records (its task counts,
 * measure figures, stage or last activity may have moved), that company's row and the year's
 * totals and budget (the board's own SQL), computed once per event for every subscriber, so a board
 * applies the event instead of reloading; the row reveals program results, checked per subscriber.
 * A budget change of the year (no company) arrives with no row, for its budget figures.
 */
export function boardRowTopic(programYearId: string, scope: OutboxScope): LiveTopic<BoardRowChange> {
  return liveTopic('program-results', ACTIVITY_EVENTS, scope, async (record, records) => {
    const companyId = record.companyId;
    const yearWide = !companyId && record.type === EventType.BUDGET_CHANGED && record.programYearId === programYearId;
    if (!companyId && !yearWide) return null;
    const [row, kpis, budget] = await Promise.all([
      companyId
        ? records.load(record.seq, `board:${programYearId}:${companyId}`, (em) => boardRow(em, new Access(em, BOARD_READER), programYearId, companyId))
        : null,
      records.load(record.seq, `kpis:${programYearId}`, (em) => totalsAndCategories(em, programYearId)),
      records.load(record.seq, `budget:${programYearId}`, (em) => budgetBySource(em, programYearId)),
    ]);
    return { seq: record.seq, companyId: companyId ?? null, row, totals: kpis.totals, byCategory: kpis.byCategory, budget };
  });
}
