import { FundingSource, OrganizationKind } from '@ecohub/domain';

/** The seed's figures, from ../shared/seed (the 2012 news report) and DOMAIN.md. */
export const ORGANIZATIONS = {
  ministry: { nameKo: '지식경제부', nameEn: 'Ministry of Knowledge Economy', kind: OrganizationKind.MINISTRY },
  kitech: { nameKo: '한국생산기술연구원', nameEn: 'Korea Institute of Industrial Technology (KITECH)', kind: OrganizationKind.AGENCY },
  city: { nameKo: '안산시', nameEn: 'Ansan City', kind: OrganizationKind.LOCAL_GOVERNMENT },
  host: { nameKo: '(주)에코프론티어', nameEn: 'EcoFrontier Co., Ltd.', kind: OrganizationKind.HOST_FIRM },
  association: { nameKo: '반월시화산업단지 환경협의회', nameEn: 'Banwol-Sihwa Industrial Complex Environment Council', kind: OrganizationKind.ASSOCIATION },
} as const;

export const PROGRAM = {
  nameKo: '안산 지역에코혁신사업',
  nameEn: 'Ansan Regional Eco-Innovation Program',
  region: '경기도 안산시',
  durationYears: 3,
  description:
    '청정생산을 기반으로 공정진단, 전문가 컨설팅, 청정기술 적용과 성과분석, 환경규제 대응, 환경교육, ' +
    '지역 네트워크까지 지역 중소 제조기업에 종합 환경 솔루션을 제공하는 민관 협력 사업.',
};

/** Year 1 ran ten months; years 2 and 3 follow the August–July cycle. */
export const PROGRAM_YEARS = [
  { number: 1, startsOn: '2012-10-01', endsOn: '2013-07-31' },
  { number: 2, startsOn: '2013-08-01', endsOn: '2014-07-31' },
  { number: 3, startsOn: '2014-08-01', endsOn: '2015-07-31' },
];

/**
 * The day the seeded year is recorded as of: the Friday after the year-end results workshop
 * (2013-07-18), with the year's last two weeks still to run. Every seeded record is dated on or
 * before it, and its tasks' due marks are read on it (Task.asOfOn), whatever the real date.
 */
export const YEAR_ONE_AS_OF = { date: '2013-07-19', time: '18:00' } as const;

/** Year 1 budget: 563 million KRW = government 308 + city 100 + companies 55 + host 100. */
export const YEAR_ONE_BUDGET = [
  { source: FundingSource.GOVERNMENT, organization: 'ministry', label: '국비 (지식경제부·한국생산기술연구원)', plannedKrw: 308_000_000, spentKrw: 171_400_000 },
  { source: FundingSource.CITY, organization: 'city', label: '시비 (안산시)', plannedKrw: 100_000_000, spentKrw: 52_300_000 },
  { source: FundingSource.COMPANY, organization: null, label: '참여기업 부담금', plannedKrw: 55_000_000, spentKrw: 27_500_000 },
  { source: FundingSource.HOST, organization: 'host', label: '주관기업 (에코프론티어)', plannedKrw: 100_000_000, spentKrw: 48_900_000 },
] as const;
