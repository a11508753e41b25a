import { useI18n } from 'vue-i18n';

/** Data has a Korean name and sometimes an English one; English readers get it when it exists. */
export function useCompanyName() {
  const { locale } = useI18n();
  return (company: { nameKo: string; nameEn?: string | null }) =>
    locale.value === 'en' && company.nameEn ? company.nameEn : company.nameKo;
}

export function usePersonName() {
  const { locale } = useI18n();
  return (person: { name: string; nameEn?: string | null }) =>
    locale.value === 'en' && person.nameEn ? person.nameEn : person.name;
}

/** For records with nameKo/nameEn (programs, organizations, teams). */
export function useLocalizedName() {
  return useCompanyName();
}
