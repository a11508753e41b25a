import { inject, type ComputedRef, type InjectionKey } from 'vue';
import type { CompanyWorkspaceQuery } from '@/graphql/generated/graphql';

export interface CompanyContext {
  companyId: ComputedRef<string>;
  company: ComputedRef<CompanyWorkspaceQuery['company'] | null>;
  /** Managers and experts write the consulting work (tasks, measures, diagnoses). */
  canWrite: ComputedRef<boolean>;
  /** Who may move a card: writers any card, company staff the cards assigned to them. */
  canMoveTask: ComputedRef<(task: { assignees: readonly { id: string }[] }) => boolean>;
  canComment: ComputedRef<boolean>;
  /** Whether the viewer's role sees the consulting work (tasks, diagnoses): if not, pages say so. */
  seesWork: ComputedRef<boolean>;
  /** Reads the company again (after an edit, or when it changed elsewhere). */
  refresh: () => PromiseLike<unknown>;
  /** The event position the company was read at (for live updates). */
  liveSequence: ComputedRef<number | null>;
}

export const COMPANY_KEY: InjectionKey<CompanyContext> = Symbol('ecohub.company');

export function useCompanyContext(): CompanyContext {
  const context = inject(COMPANY_KEY);
  if (!context) throw new Error('useCompanyContext outside a company workspace');
  return context;
}
