import { BoardRowResolver, CompanyKpiResolver, ProgramKpisResolver, ProgramYearBoardResolver } from './board.resolver.ts';

export { boardRow, boardRows } from './board.queries.ts';
export { BoardRow } from './board.types.ts';
export { BoardRowChange, boardRowTopic } from './board.topics.ts';

export const boardResolvers = [ProgramYearBoardResolver, BoardRowResolver, CompanyKpiResolver, ProgramKpisResolver] as const;
export { budgetBySource, byCompany, totalsAndCategories } from './kpi.queries.ts';
export type { BudgetSourceKpi, CategoryKpi, CompanyKpi, KpiTotals, MeasureFigures } from './board.types.ts';
export { figuresOf, measureAggregatesSql, type MeasureAggregateRow } from './measure-aggregates.sql.ts';
