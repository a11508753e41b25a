import { inject, type ComputedRef, type InjectionKey } from 'vue';
import type { CompanyWorkspaceQuery } from '@/graphql/generated/graphql';

export interface CompanyContext {
  company: ComputedRef<CompanyWorkspaceQuery['company'] | null>;
  /** Observers only watch. */
  canEdit: ComputedRef<boolean>;
}

export const COMPANY_KEY: InjectionKey<CompanyContext> = Symbol('ecohub.company');

export function useCompanyContext(): CompanyContext {
  const context = inject(COMPANY_KEY);
  if (!context) throw new Error('useCompanyContext outside a company workspace');
  return context;
}
