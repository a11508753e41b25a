/** The Programs query's answer for component tests: one program with its first year (2012-10-01 – 2013-07-31). */
export const PROGRAMS = {
  liveSequence: 3,
  programs: [
    {
      id: 'prog-1',
      name: '안산 지역에코혁신사업',
      nameKo: '안산 지역에코혁신사업',
      nameEn: 'Ansan Regional Eco-Innovation Program',
      region: '경기도 안산시',
      description: null,
      durationYears: 3,
      hostOrganization: { id: 'org-1', nameKo: '에코프론티어', nameEn: 'EcoFrontier' },
      years: [
        { id: 'year-1', number: 1, startsOn: '2012-10-01', endsOn: '2013-07-31', plannedTotalKrw: 563_000_000, spentTotalKrw: 300_100_000, budgetLines: [] },
      ],
    },
  ],
};
