import { EmissionFactorKind } from '@ecohub/domain';

/**
 * Published factors in tCO2eq per MWh (electricity), per 1,000 Nm³ (LNG) and per 1,000 m³
 * (water). Year-1 measures use the factors valid for 2012–2013.
 */
export const EMISSION_FACTORS = [
  {
    kind: EmissionFactorKind.ELECTRICITY,
    validFromYear: 2012,
    validToYear: 2013,
    value: 0.424,
    source: '전력거래소(KPX)·온실가스종합정보센터(GIR) 당시 공표치 기반 추정',
    note: '국가 고유 소비단 배출계수 고시 이전의 추정값: 1차년도 성과 산정에 사용',
  },
  {
    kind: EmissionFactorKind.ELECTRICITY,
    validFromYear: 2014,
    validToYear: 2016,
    value: 0.4594,
    source: '온실가스종합정보센터(GIR) 국가 온실가스 배출계수 (0.45941)',
    note: null,
  },
  {
    kind: EmissionFactorKind.ELECTRICITY,
    validFromYear: 2020,
    validToYear: 2022,
    value: 0.4541,
    source: '기후에너지환경부 2020~2022년 평균 소비단 전력배출계수 (2025년 3월 공표)',
    note: null,
  },
  {
    kind: EmissionFactorKind.ELECTRICITY,
    validFromYear: 2023,
    validToYear: 2023,
    value: 0.4173,
    source: '기후에너지환경부 2023년 소비단 전력배출계수 (국가 온실가스 통계 관리위원회, 2025년 12월 공표)',
    note: '이후 매년 갱신',
  },
  {
    kind: EmissionFactorKind.LNG,
    validFromYear: 2012,
    validToYear: 2030,
    value: 2.176,
    source: 'IPCC 2006 기본 배출계수(CO2·CH4·N2O)와 LNG 순발열량 기준 환산',
    note: null,
  },
  {
    kind: EmissionFactorKind.WATER,
    validFromYear: 2012,
    validToYear: 2030,
    value: 0.237,
    source: '상수도 생산·공급 전력 원단위 기반 추정',
    note: '취수·정수·송수 전력만 포함',
  },
] as const;
