import { BudgetLineResolver, ProgramResolver } from './program.resolver.ts';
import { ProgramYearResolver } from './program-year.resolver.ts';

export { Organization } from './organization.entity.ts';
export { Program } from './program.entity.ts';
export { ProgramYear } from './program-year.entity.ts';
export { BudgetLine } from './budget-line.entity.ts';
export { getProgramYear } from './program.service.ts';
export type { BudgetChangedPayload } from './budget.topics.ts';

export const programResolvers = [ProgramResolver, ProgramYearResolver, BudgetLineResolver] as const;
