import type { IndustryProfile } from './industries.data.ts';

/** The two national industrial complexes of Ansan's manufacturing base. */
export const BANWOL = '반월국가산업단지';
export const SIHWA = '시화국가산업단지';

export type Outcome = 'selected' | 'notSelected' | 'withdrawn';

export interface CompanyData {
  nameKo: string;
  nameEn: string;
  profile: IndustryProfile;
  /** KSIC (10th revision) code and its Korean label. */
  industryCode: string;
  industryLabel: string;
  complex: string;
  address: string;
  employees: number;
  /** Staff e-mail domain; fictional. */
  domain: string;
  /** The two-digit kind in the business registration number (81/86/87: incorporated). */
  registrationKind: 81 | 86 | 87;
  outcome: Outcome;
  /** Expert team number (1–4) for selected companies. */
  team?: 1 | 2 | 3 | 4;
  /** The company's share of the year-1 budget; the 20 shares add up to 55 million KRW. */
  contributionKrw?: number;
  /** Company staff accounts (1–2 for selected companies). */
  staffCount?: 1 | 2;
  note?: string;
}

const PLATING = { profile: 'plating', industryCode: '25922', industryLabel: '도금업' } as const;
const COATING = { profile: 'coating', industryCode: '25923', industryLabel: '도장 및 기타 피막처리업' } as const;
const HEAT = { profile: 'heatTreatment', industryCode: '25921', industryLabel: '금속 열처리업' } as const;
const MACHINING = { profile: 'machining', industryCode: '25924', industryLabel: '절삭가공 및 유사처리업' } as const;
const FABRIC_DYEING = { profile: 'dyeing', industryCode: '13402', industryLabel: '직물, 편조원단 및 의복류 염색 가공업' } as const;
const YARN_DYEING = { profile: 'dyeing', industryCode: '13401', industryLabel: '솜 및 실 염색 가공업' } as const;
const RIGID_PCB = { profile: 'pcb', industryCode: '26222', industryLabel: '경성 인쇄회로기판 제조업' } as const;

/**
 * About 30 applicants (the report: "30여개 기업체가 참여신청"), all fictional. The first selected
 * company is the demo company: its staff login and its team lead are demo accounts.
 */
export const COMPANIES: CompanyData[] = [
  // Team 1: plating and surface treatment
  { nameKo: '(주)한일도금', nameEn: 'Hanil Plating Co., Ltd.', ...PLATING, complex: BANWOL, address: '경기도 안산시 단원구 산단로 163번길 27', employees: 48, domain: 'hanilplating.co.kr', registrationKind: 81, outcome: 'selected', team: 1, contributionKrw: 3_000_000, staffCount: 2 },
  { nameKo: '동아표면처리(주)', nameEn: 'Dong-A Surface Treatment Co., Ltd.', ...PLATING, complex: BANWOL, address: '경기도 안산시 단원구 산단로 163번길 45', employees: 35, domain: 'dongasurface.co.kr', registrationKind: 81, outcome: 'selected', team: 1, contributionKrw: 2_500_000, staffCount: 1 },
  { nameKo: '(주)성우크롬', nameEn: 'Seongwoo Chrome Co., Ltd.', ...PLATING, complex: BANWOL, address: '경기도 안산시 단원구 해봉로 211', employees: 27, domain: 'seongwoochrome.co.kr', registrationKind: 86, outcome: 'selected', team: 1, contributionKrw: 2_000_000, staffCount: 1 },
  { nameKo: '대림아연도금(주)', nameEn: 'Daelim Galvanizing Co., Ltd.', ...PLATING, complex: BANWOL, address: '경기도 안산시 단원구 해봉로 195번길 12', employees: 62, domain: 'daelimgalva.co.kr', registrationKind: 81, outcome: 'selected', team: 1, contributionKrw: 3_000_000, staffCount: 2 },
  { nameKo: '(주)우진아노다이징', nameEn: 'Woojin Anodizing Co., Ltd.', ...COATING, complex: BANWOL, address: '경기도 안산시 단원구 원시로 88', employees: 41, domain: 'woojinanod.co.kr', registrationKind: 87, outcome: 'selected', team: 1, contributionKrw: 2_500_000, staffCount: 1 },
  // Team 2: dyeing and textiles
  { nameKo: '(주)반월염직', nameEn: 'Banwol Dyeing & Finishing Co., Ltd.', ...FABRIC_DYEING, complex: BANWOL, address: '경기도 안산시 단원구 별망로 327', employees: 118, domain: 'banwoldyeing.co.kr', registrationKind: 81, outcome: 'selected', team: 2, contributionKrw: 3_500_000, staffCount: 2 },
  { nameKo: '서해텍스타일(주)', nameEn: 'Seohae Textile Co., Ltd.', ...FABRIC_DYEING, complex: BANWOL, address: '경기도 안산시 단원구 별망로 349번길 8', employees: 86, domain: 'seohaetex.co.kr', registrationKind: 81, outcome: 'selected', team: 2, contributionKrw: 3_500_000, staffCount: 2 },
  { nameKo: '(주)대원염색', nameEn: 'Daewon Dyeing Co., Ltd.', ...YARN_DYEING, complex: BANWOL, address: '경기도 안산시 단원구 목내로 140', employees: 73, domain: 'daewondye.co.kr', registrationKind: 86, outcome: 'selected', team: 2, contributionKrw: 3_000_000, staffCount: 1 },
  { nameKo: '경인날염(주)', nameEn: 'Gyeongin Textile Printing Co., Ltd.', profile: 'dyeing', industryCode: '13403', industryLabel: '날염 가공업', complex: BANWOL, address: '경기도 안산시 단원구 목내로 152번길 21', employees: 39, domain: 'gyeonginprint.co.kr', registrationKind: 81, outcome: 'selected', team: 2, contributionKrw: 2_500_000, staffCount: 1 },
  { nameKo: '(주)코리아화이버텍', nameEn: 'Korea Fibertech Co., Ltd.', profile: 'dyeing', industryCode: '13409', industryLabel: '섬유제품 기타 정리 및 마무리 가공업', complex: BANWOL, address: '경기도 안산시 단원구 별망로 301', employees: 55, domain: 'kfibertech.co.kr', registrationKind: 87, outcome: 'selected', team: 2, contributionKrw: 3_000_000, staffCount: 2 },
  // Team 3: electronics (PCB) and chemicals
  { nameKo: '(주)에이스써키트', nameEn: 'Ace Circuit Co., Ltd.', ...RIGID_PCB, complex: SIHWA, address: '경기도 안산시 단원구 원시로 215', employees: 142, domain: 'acecircuit.co.kr', registrationKind: 81, outcome: 'selected', team: 3, contributionKrw: 3_500_000, staffCount: 2 },
  { nameKo: '대한피씨비(주)', nameEn: 'Daehan PCB Co., Ltd.', ...RIGID_PCB, complex: SIHWA, address: '경기도 안산시 단원구 원시로 231번길 16', employees: 96, domain: 'daehanpcb.co.kr', registrationKind: 81, outcome: 'selected', team: 3, contributionKrw: 3_500_000, staffCount: 2 },
  { nameKo: '(주)플렉스코리아', nameEn: 'Flex Korea Co., Ltd.', profile: 'pcb', industryCode: '26223', industryLabel: '연성 및 기타 인쇄회로기판 제조업', complex: SIHWA, address: '경기도 안산시 단원구 산단로 67', employees: 64, domain: 'flexkorea.co.kr', registrationKind: 87, outcome: 'selected', team: 3, contributionKrw: 3_000_000, staffCount: 1 },
  { nameKo: '안산케미칼(주)', nameEn: 'Ansan Chemical Co., Ltd.', profile: 'chemicals', industryCode: '20431', industryLabel: '계면활성제 제조업', complex: SIHWA, address: '경기도 안산시 단원구 해봉로 77', employees: 33, domain: 'ansanchem.co.kr', registrationKind: 81, outcome: 'selected', team: 3, contributionKrw: 2_500_000, staffCount: 1 },
  { nameKo: '(주)대흥도료', nameEn: 'Daeheung Paint Co., Ltd.', profile: 'chemicals', industryCode: '20421', industryLabel: '일반용 도료 및 관련제품 제조업', complex: SIHWA, address: '경기도 안산시 단원구 해봉로 101번길 9', employees: 45, domain: 'daeheungpaint.co.kr', registrationKind: 86, outcome: 'selected', team: 3, contributionKrw: 2_500_000, staffCount: 1 },
  // Team 4: metal processing and food
  { nameKo: '태양열처리(주)', nameEn: 'Taeyang Heat Treatment Co., Ltd.', ...HEAT, complex: BANWOL, address: '경기도 안산시 단원구 산단로 112', employees: 38, domain: 'taeyanght.co.kr', registrationKind: 81, outcome: 'selected', team: 4, contributionKrw: 2_500_000, staffCount: 1 },
  { nameKo: '(주)삼영도장', nameEn: 'Samyoung Coating Co., Ltd.', ...COATING, complex: BANWOL, address: '경기도 안산시 단원구 산단로 126번길 33', employees: 29, domain: 'samyoungcoat.co.kr', registrationKind: 86, outcome: 'selected', team: 4, contributionKrw: 2_000_000, staffCount: 1 },
  { nameKo: '(주)정우정밀', nameEn: 'Jeongwoo Precision Co., Ltd.', ...MACHINING, complex: SIHWA, address: '경기도 안산시 단원구 원시로 170', employees: 52, domain: 'jwprecision.co.kr', registrationKind: 81, outcome: 'selected', team: 4, contributionKrw: 3_000_000, staffCount: 2 },
  { nameKo: '(주)초록두부', nameEn: 'Chorok Tofu Co., Ltd.', profile: 'food', industryCode: '10794', industryLabel: '두부 및 유사식품 제조업', complex: BANWOL, address: '경기도 안산시 단원구 목내로 66', employees: 24, domain: 'choroktofu.co.kr', registrationKind: 87, outcome: 'selected', team: 4, contributionKrw: 2_000_000, staffCount: 1 },
  { nameKo: '해오름제면(주)', nameEn: 'Haeoreum Noodle Co., Ltd.', profile: 'food', industryCode: '10730', industryLabel: '면류, 마카로니 및 유사식품 제조업', complex: BANWOL, address: '경기도 안산시 단원구 목내로 78번길 14', employees: 31, domain: 'haeoreumnoodle.co.kr', registrationKind: 81, outcome: 'selected', team: 4, contributionKrw: 2_000_000, staffCount: 1 },
  // Initially diagnosed, then not selected (or withdrawn) in the September review
  { nameKo: '신광금속(주)', nameEn: 'Shingwang Metal Co., Ltd.', ...PLATING, complex: BANWOL, address: '경기도 안산시 단원구 해봉로 233', employees: 18, domain: 'shingwangmetal.co.kr', registrationKind: 81, outcome: 'notSelected', note: '개선 잠재량은 크나 2013년 상반기 공장 이전 계획으로 차년도 재신청 권고' },
  { nameKo: '(주)금강전해', nameEn: 'Geumgang Electrolytic Co., Ltd.', ...PLATING, complex: BANWOL, address: '경기도 안산시 단원구 산단로 163번길 61', employees: 22, domain: 'geumgangep.co.kr', registrationKind: 86, outcome: 'notSelected', note: '폐수처리시설 개선명령 이행 중으로 선정 평가에서 후순위' },
  { nameKo: '(주)동진섬유', nameEn: 'Dongjin Textile Co., Ltd.', ...FABRIC_DYEING, complex: BANWOL, address: '경기도 안산시 단원구 별망로 283', employees: 67, domain: 'dongjintex.co.kr', registrationKind: 81, outcome: 'notSelected', note: '자체 용수 재이용 설비 투자 진행 중: 중복 지원 우려로 차년도 검토' },
  { nameKo: '한성염직(주)', nameEn: 'Hansung Dyeing Co., Ltd.', ...YARN_DYEING, complex: BANWOL, address: '경기도 안산시 단원구 목내로 188', employees: 44, domain: 'hansungdye.co.kr', registrationKind: 87, outcome: 'notSelected', note: '기업 부담금 확보 계획 미비로 선정 평가 점수 미달' },
  { nameKo: '(주)미래회로', nameEn: 'Mirae Circuit Co., Ltd.', ...RIGID_PCB, complex: SIHWA, address: '경기도 안산시 단원구 원시로 251', employees: 58, domain: 'miraecircuit.co.kr', registrationKind: 81, outcome: 'notSelected', note: '동일 업종 참여기업 수 조정에 따라 예비 후보로 지정' },
  { nameKo: '(주)한빛접착', nameEn: 'Hanbit Adhesives Co., Ltd.', profile: 'chemicals', industryCode: '20493', industryLabel: '접착제 및 젤라틴 제조업', complex: SIHWA, address: '경기도 안산시 단원구 해봉로 59', employees: 26, domain: 'hanbitadhesive.co.kr', registrationKind: 86, outcome: 'notSelected', note: '초기진단 결과 개선 과제 대부분이 기존 설비 교체 계획과 중복' },
  { nameKo: '(주)다온베이커리', nameEn: 'Daon Bakery Co., Ltd.', profile: 'food', industryCode: '10712', industryLabel: '빵류 제조업', complex: BANWOL, address: '경기도 안산시 단원구 목내로 41', employees: 21, domain: 'daonbakery.co.kr', registrationKind: 87, outcome: 'notSelected', note: '공정 규모 대비 환경 개선 잠재량이 작아 선정 평가 점수 미달' },
  { nameKo: '세원열처리(주)', nameEn: 'Sewon Heat Treatment Co., Ltd.', ...HEAT, complex: BANWOL, address: '경기도 안산시 단원구 산단로 98', employees: 24, domain: 'sewonht.co.kr', registrationKind: 81, outcome: 'notSelected', note: '열처리로 교체 일정이 2013년 하반기로 잡혀 차년도 참여 권고' },
  { nameKo: '대양알루미늄(주)', nameEn: 'Daeyang Aluminium Co., Ltd.', ...COATING, complex: BANWOL, address: '경기도 안산시 단원구 원시로 102번길 5', employees: 36, domain: 'daeyangal.co.kr', registrationKind: 86, outcome: 'notSelected', note: '동일 업종 참여기업 수 조정에 따라 예비 후보로 지정' },
  { nameKo: '(주)일신정밀', nameEn: 'Ilshin Precision Co., Ltd.', ...MACHINING, complex: SIHWA, address: '경기도 안산시 단원구 원시로 188번길 22', employees: 33, domain: 'ilshinprecision.co.kr', registrationKind: 81, outcome: 'notSelected', note: '선정 평가 점수 미달: 에코클럽 회원사로 참여 권유' },
  { nameKo: '서진화학(주)', nameEn: 'Seojin Chemical Co., Ltd.', profile: 'chemicals', industryCode: '20499', industryLabel: '그 외 기타 분류 안된 화학제품 제조업', complex: SIHWA, address: '경기도 안산시 단원구 해봉로 121', employees: 29, domain: 'seojinchem.co.kr', registrationKind: 87, outcome: 'withdrawn', note: '초기진단 후 대표이사 변경 등 내부 사정으로 신청 철회' },
];
