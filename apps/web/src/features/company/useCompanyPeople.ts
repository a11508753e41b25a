import { useQuery } from '@urql/vue';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { CompanyPeopleDocument } from '@/graphql/generated/graphql';

export interface CompanyPerson {
  id: string;
  name: string;
  nameEn: string | null;
  role: string;
}

/**
 * The people who work on a company's tasks: its staff and the expert team of its latest
 * participation. They are who can be assigned and mentioned.
 */
export function useCompanyPeople(companyId: MaybeRefOrGetter<string>) {
  const query = useQuery({ query: CompanyPeopleDocument, variables: () => ({ companyId: toValue(companyId) }) });
  const people = computed<CompanyPerson[]>(() => {
    const company = query.data.value?.company;
    if (!company) return [];
    const latest = [...company.participations].sort((a, b) => b.programYear.number - a.programYear.number)[0];
    const experts = latest?.team?.members.map((member) => member.person) ?? [];
    return [...new Map([...experts, ...(company.staff ?? [])].map((person) => [person.id, person])).values()];
  });
  return { query, people };
}
