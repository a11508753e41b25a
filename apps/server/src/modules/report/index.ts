import { ParticipationBenchmarkResolver } from './benchmark.resolver.ts';
import { ProgramYearResultsResolver } from './report.resolver.ts';

export { reportRoutes } from './report.routes.ts';
export { participationReport, programYearReport } from './report.queries.ts';
export { participationPdf, programYearPdf } from './report-pdf.ts';
export { programYearXlsx } from './report-xlsx.ts';
export { reportLang, reportText } from './report-labels.ts';
export const reportResolvers = [ParticipationBenchmarkResolver, ProgramYearResultsResolver] as const;
