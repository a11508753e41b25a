import { BoardRowResolver, CompanyKpiResolver, ProgramKpisResolver, ProgramYearBoardResolver } from './board.resolver.ts';

export { boardRow, boardRows } from './board.queries.ts';
export { BoardRow, CategoryKpi, KpiTotals } from './board.types.ts';
export { totalsAndCategories } from './kpi.queries.ts';

export const boardResolvers = [ProgramYearBoardResolver, BoardRowResolver, CompanyKpiResolver, ProgramKpisResolver] as const;
