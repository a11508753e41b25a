import { MeasureCategory } from '@ecohub/domain';
import type { IndustryProfile } from './industries.data.ts';

type Range = readonly [number, number];

/**
 * A cleaner-production option the experts propose to plants of one industry. Reductions are
 * per year for a plant of the industry's reference size; the seed scales them to the company
 * and prices them (see UNIT_PRICES) into the expected annual savings.
 */
export interface MeasureTemplate {
  category: MeasureCategory;
  title: string;
  description: string;
  investmentKrw: Range;
  electricityKwh?: Range;
  lngNm3?: Range;
  waterM3?: Range;
  wasteT?: Range;
  rawMaterialsT?: Range;
  /** KRW per tonne of the raw material saved (chemicals, metals, dyes…). */
  rawMaterialPricePerT?: number;
  /** Savings not tied to a metered quantity: treatment chemicals, new orders, labour. */
  otherSavingsKrw?: Range;
  productivityGainPct?: Range;
}

/** 2012 prices in the Ansan complexes, KRW per unit (used to price the reductions). */
export const UNIT_PRICES = {
  electricityPerKwh: 105,
  lngPerNm3: 880,
  /** Water supply plus wastewater treatment charge. */
  waterPerM3: 1_400,
  /** Sludge and designated-waste disposal by contractor. */
  wastePerT: 220_000,
};

const C = MeasureCategory;
const M = 1_000_000;

export const MEASURE_TEMPLATES: Record<IndustryProfile, MeasureTemplate[]> = {
  plating: [
    { category: C.RAW_MATERIAL_SUBSTITUTION, title: '시안계 → 비시안계 아연도금액 대체', description: '알칼리 비시안 아연 도금액으로 전환해 시안 처리 공정과 약품을 없애고 작업 안전성을 높인다.', investmentKrw: [8 * M, 15 * M], wasteT: [4, 8], otherSavingsKrw: [6 * M, 12 * M] },
    { category: C.RAW_MATERIAL_SUBSTITUTION, title: '6가 크롬 → 3가 크롬 크로메이트 전환', description: '3가 크롬 화성처리액으로 바꿔 RoHS 요구에 대응하고 크롬 환원 처리 약품을 줄인다.', investmentKrw: [5 * M, 10 * M], wasteT: [2, 4], otherSavingsKrw: [4 * M, 8 * M] },
    { category: C.OPERATING_CONDITIONS, title: '도금액 농도·온도 관리 기준 수립 및 자동 보충', description: '도금조별 분석 주기와 관리 범위를 정하고 정량 펌프로 보충해 도금액 낭비와 불량을 줄인다.', investmentKrw: [3 * M, 6 * M], rawMaterialsT: [3, 6], rawMaterialPricePerT: 4 * M, electricityKwh: [30_000, 60_000], productivityGainPct: [2, 4] },
    { category: C.OPERATING_CONDITIONS, title: '정류기 운전 시간·전류밀도 최적화', description: '제품별 적정 전류밀도를 재설정하고 대기 시간 정류기를 차단한다.', investmentKrw: [1 * M, 3 * M], electricityKwh: [80_000, 150_000] },
    { category: C.PROCESS_CHANGE, title: '도금 수세수 향류세척(3단) 전환', description: '단일 오버플로 수세조를 3단 향류 수세로 바꿔 같은 세정 품질에서 용수와 폐수를 크게 줄인다.', investmentKrw: [15 * M, 30 * M], waterM3: [12_000, 18_000], wasteT: [3, 6] },
    { category: C.PROCESS_CHANGE, title: '가온 보일러 폐열회수(이코노마이저) 설치', description: '보일러 배기가스 열로 급수를 예열해 도금조 가온 LNG를 줄인다.', investmentKrw: [18 * M, 35 * M], lngNm3: [12_000, 20_000] },
    { category: C.ECO_FRIENDLY_PRODUCT, title: 'RoHS 대응 무카드뮴·3가 크롬 도금 제품 인증', description: '친환경 도금 사양으로 고객사 인증을 받아 수출 부품 물량을 확보한다.', investmentKrw: [6 * M, 12 * M], otherSavingsKrw: [8 * M, 15 * M] },
    { category: C.ON_SITE_REUSE, title: '니켈 드래그아웃 회수조 및 전해회수 설비', description: '도금조 뒤에 회수조를 두고 니켈을 전해회수해 도금액으로 되돌린다.', investmentKrw: [20 * M, 40 * M], rawMaterialsT: [1.2, 2], rawMaterialPricePerT: 12 * M, wasteT: [2, 4] },
    { category: C.ON_SITE_REUSE, title: '수세수 이온교환 재이용 설비', description: '최종 수세수를 이온교환으로 처리해 수세 공정에 다시 쓴다.', investmentKrw: [35 * M, 60 * M], waterM3: [10_000, 16_000] },
    { category: C.GREEN_MANAGEMENT, title: '공정별 에너지·용수 원단위 관리 체계 구축', description: '라인별 계량기를 설치하고 월별 원단위를 관리해 이상 사용을 조기에 찾는다.', investmentKrw: [1 * M, 2 * M], electricityKwh: [30_000, 50_000], waterM3: [1_500, 3_000] },
    { category: C.GREEN_MANAGEMENT, title: '화학물질 취급 교육 및 MSDS 관리 체계화', description: '취급자 교육과 MSDS 게시, 보관 기준을 정비해 누출과 낭비를 막는다.', investmentKrw: [0.5 * M, 1.5 * M], rawMaterialsT: [0.5, 1], rawMaterialPricePerT: 4 * M },
  ],
  coating: [
    { category: C.RAW_MATERIAL_SUBSTITUTION, title: '고온 실링 → 중온(니켈 프리) 실링제 대체', description: '95 ℃ 고온 실링을 중온 실링제로 바꿔 가온 에너지와 니켈 사용을 줄인다.', investmentKrw: [3 * M, 6 * M], lngNm3: [10_000, 16_000], otherSavingsKrw: [1 * M, 2 * M] },
    { category: C.RAW_MATERIAL_SUBSTITUTION, title: '용제형 도료 → 하이솔리드 도료 대체', description: '고형분이 높은 도료로 바꿔 도료 사용량과 VOC 배출을 함께 줄인다.', investmentKrw: [4 * M, 8 * M], rawMaterialsT: [2, 4], rawMaterialPricePerT: 6 * M },
    { category: C.OPERATING_CONDITIONS, title: '도장 부스 배기팬 인버터 제어', description: '작업량에 맞춰 배기 풍량을 조절해 팬 전력을 줄인다.', investmentKrw: [8 * M, 14 * M], electricityKwh: [60_000, 110_000] },
    { category: C.OPERATING_CONDITIONS, title: '건조로 온도 프로파일 및 가동 스케줄 최적화', description: '제품별 건조 조건을 재설정하고 소량 배치를 묶어 건조로 가동 시간을 줄인다.', investmentKrw: [1 * M, 2 * M], lngNm3: [8_000, 14_000] },
    { category: C.PROCESS_CHANGE, title: '건조로 배기 폐열회수 열교환기 설치', description: '건조로 배기열로 급기를 예열해 LNG 사용량을 줄인다.', investmentKrw: [20 * M, 35 * M], lngNm3: [18_000, 28_000] },
    { category: C.PROCESS_CHANGE, title: '분체도장 라인 전환 (일부 제품)', description: '오버스프레이 분체를 회수해 다시 쓰는 분체도장으로 일부 제품을 전환한다.', investmentKrw: [60 * M, 90 * M], rawMaterialsT: [6, 10], rawMaterialPricePerT: 5 * M, wasteT: [3, 5], productivityGainPct: [5, 8] },
    { category: C.ECO_FRIENDLY_PRODUCT, title: '저VOC 수용성 도장 제품 사양 개발', description: '수용성 도료 사양으로 친환경 제품군을 만들어 공공 조달 물량에 대응한다.', investmentKrw: [10 * M, 18 * M], otherSavingsKrw: [8 * M, 15 * M] },
    { category: C.ON_SITE_REUSE, title: '산세·에칭액 여과 재생 재사용', description: '산세·에칭액을 여과해 교체 주기를 늘리고 폐산 발생을 줄인다.', investmentKrw: [12 * M, 20 * M], rawMaterialsT: [8, 14], rawMaterialPricePerT: 0.6 * M, wasteT: [5, 9] },
    { category: C.GREEN_MANAGEMENT, title: 'ISO 14001 환경경영시스템 인증 준비', description: '환경측면 평가와 운영 절차를 문서화해 환경경영시스템 인증을 준비한다.', investmentKrw: [5 * M, 8 * M], electricityKwh: [10_000, 20_000], otherSavingsKrw: [1 * M, 3 * M] },
  ],
  heatTreatment: [
    { category: C.RAW_MATERIAL_SUBSTITUTION, title: '장수명 고성능 퀜칭유로 교체', description: '산화 안정성이 높은 퀜칭유로 바꿔 교체량과 폐유 발생을 줄인다.', investmentKrw: [4 * M, 7 * M], rawMaterialsT: [4, 7], rawMaterialPricePerT: 3 * M, wasteT: [3, 6] },
    { category: C.OPERATING_CONDITIONS, title: '침탄로 버너 공기비 조정 및 산소농도 관리', description: '배기 산소농도를 측정해 공기비를 1.4에서 1.15 수준으로 낮춘다.', investmentKrw: [2 * M, 5 * M], lngNm3: [25_000, 40_000] },
    { category: C.OPERATING_CONDITIONS, title: '열처리로 가동 스케줄 통합 (주말 보온 운전 축소)', description: '주문을 묶어 연속 가동하고 주말 보온 운전을 줄인다.', investmentKrw: [0.5 * M, 1.5 * M], lngNm3: [15_000, 30_000], electricityKwh: [40_000, 80_000] },
    { category: C.PROCESS_CHANGE, title: '연속로 배기 레큐퍼레이터(연소공기 예열) 설치', description: '450 ℃ 배기가스로 연소공기를 예열해 연료를 줄인다.', investmentKrw: [45 * M, 70 * M], lngNm3: [45_000, 70_000] },
    { category: C.PROCESS_CHANGE, title: '노체 세라믹 파이버 단열 보강', description: '노후 단열재를 세라믹 파이버로 보강해 노벽 방열 손실을 줄인다.', investmentKrw: [25 * M, 40 * M], lngNm3: [20_000, 35_000], electricityKwh: [50_000, 90_000] },
    { category: C.ECO_FRIENDLY_PRODUCT, title: '저변형 진공침탄 적용 제품 개발', description: '변형이 적은 진공침탄 사양을 개발해 후가공과 불량을 줄인 제품을 공급한다.', investmentKrw: [15 * M, 25 * M], otherSavingsKrw: [12 * M, 20 * M], productivityGainPct: [3, 6] },
    { category: C.ON_SITE_REUSE, title: '냉각수 순환 재이용 (냉각탑 보강)', description: '일회성으로 방류하던 냉각수를 냉각탑으로 순환시켜 다시 쓴다.', investmentKrw: [10 * M, 16 * M], waterM3: [3_000, 5_000] },
    { category: C.GREEN_MANAGEMENT, title: '에너지 모니터링 시스템(EMS) 도입', description: '노별 전력·가스 사용량을 실시간으로 보고 이상 운전을 관리한다.', investmentKrw: [8 * M, 15 * M], electricityKwh: [80_000, 140_000], lngNm3: [8_000, 15_000] },
  ],
  machining: [
    { category: C.RAW_MATERIAL_SUBSTITUTION, title: '광유계 절삭유 → 생분해성 수용성 절삭유 대체', description: '부패가 적은 생분해성 절삭유로 바꿔 교체량과 폐절삭유를 줄인다.', investmentKrw: [2 * M, 4 * M], rawMaterialsT: [3, 5], rawMaterialPricePerT: 2.5 * M, wasteT: [4, 8] },
    { category: C.OPERATING_CONDITIONS, title: '공기압축기 누설 관리 및 대수제어', description: '누설 지점을 보수하고 압축기 대수제어로 무부하 운전을 줄인다.', investmentKrw: [6 * M, 12 * M], electricityKwh: [90_000, 160_000] },
    { category: C.OPERATING_CONDITIONS, title: '설비 대기전력 차단 및 야간 공회전 관리', description: '비가동 시간 설비 전원 차단 기준을 만들고 점검표로 관리한다.', investmentKrw: [1 * M, 2 * M], electricityKwh: [40_000, 70_000] },
    { category: C.PROCESS_CHANGE, title: 'MQL(최소량 윤활) 가공 전환 (일부 라인)', description: '절삭유 대신 미량 윤활로 가공해 절삭유와 슬러지를 줄인다.', investmentKrw: [25 * M, 40 * M], rawMaterialsT: [2, 4], rawMaterialPricePerT: 2.5 * M, wasteT: [5, 9], productivityGainPct: [2, 4] },
    { category: C.PROCESS_CHANGE, title: '인버터 공기압축기 교체', description: '노후 정속형 압축기를 인버터형으로 교체한다.', investmentKrw: [30 * M, 45 * M], electricityKwh: [120_000, 200_000] },
    { category: C.ECO_FRIENDLY_PRODUCT, title: '소재 절감형 경량 부품 설계', description: '고객사와 공동으로 형상을 최적화해 소재 사용량이 적은 부품을 개발한다.', investmentKrw: [10 * M, 20 * M], rawMaterialsT: [15, 30], rawMaterialPricePerT: 1.1 * M },
    { category: C.ON_SITE_REUSE, title: '절삭유 원심분리 재생 재사용', description: '원심분리기로 칩과 부유유를 걸러 절삭유를 다시 쓴다.', investmentKrw: [12 * M, 18 * M], rawMaterialsT: [4, 7], rawMaterialPricePerT: 2.5 * M, wasteT: [10, 18] },
    { category: C.ON_SITE_REUSE, title: '칩·스크랩 재질별 분리 배출 및 유가 판매', description: '재질별 칩 수거함을 두어 스크랩 판매 단가를 높이고 혼합 폐기물을 줄인다.', investmentKrw: [2 * M, 4 * M], wasteT: [15, 25], otherSavingsKrw: [8 * M, 14 * M] },
    { category: C.GREEN_MANAGEMENT, title: '5S·에너지 절약 현장 활동 체계화', description: '현장 5S와 에너지 절약 점검을 월간 활동으로 정착시킨다.', investmentKrw: [0.5 * M, 1.5 * M], electricityKwh: [20_000, 40_000] },
  ],
  dyeing: [
    { category: C.RAW_MATERIAL_SUBSTITUTION, title: '저염·고고착 반응성 염료 적용', description: '고착률이 높은 반응성 염료로 바꿔 염·알칼리 투입량과 폐수 COD를 줄인다.', investmentKrw: [3 * M, 6 * M], rawMaterialsT: [15, 25], rawMaterialPricePerT: 0.3 * M, otherSavingsKrw: [10 * M, 20 * M] },
    { category: C.RAW_MATERIAL_SUBSTITUTION, title: '생분해성 정련제로 대체', description: '생분해성 정련제로 바꿔 폐수 처리 부하를 줄인다.', investmentKrw: [1 * M, 3 * M], otherSavingsKrw: [3 * M, 6 * M] },
    { category: C.OPERATING_CONDITIONS, title: '염색기 욕비 축소 및 수세 조건 최적화', description: '욕비를 1:10에서 1:7 수준으로 낮추고 수세 횟수와 온도를 재설정한다.', investmentKrw: [5 * M, 10 * M], waterM3: [25_000, 45_000], lngNm3: [20_000, 40_000] },
    { category: C.OPERATING_CONDITIONS, title: '스팀트랩 점검·배관 보온 및 보일러 공기비 관리', description: '불량 스팀트랩을 교체하고 노출 배관을 보온하며 보일러 공기비를 관리한다.', investmentKrw: [3 * M, 6 * M], lngNm3: [25_000, 45_000] },
    { category: C.PROCESS_CHANGE, title: '염색 폐수 폐열회수 열교환기 설치', description: '60~70 ℃ 염색 폐수로 공정 용수를 예열해 스팀 사용을 줄인다.', investmentKrw: [60 * M, 100 * M], lngNm3: [60_000, 100_000] },
    { category: C.PROCESS_CHANGE, title: '텐터 배기 습도 제어 및 폐열회수', description: '배기 습도에 맞춰 풍량을 조절하고 배기열로 급기를 예열한다.', investmentKrw: [35 * M, 55 * M], lngNm3: [35_000, 60_000], electricityKwh: [40_000, 70_000] },
    { category: C.ECO_FRIENDLY_PRODUCT, title: '친환경 인증(bluesign 대응) 가공 원단 제품화', description: '유해물질 관리 기준에 맞춘 가공 처방으로 친환경 원단을 수주한다.', investmentKrw: [12 * M, 20 * M], otherSavingsKrw: [15 * M, 30 * M] },
    { category: C.ON_SITE_REUSE, title: '냉각수·최종 수세수 재이용', description: '수질이 양호한 냉각수와 최종 수세수를 모아 정련·초기 수세에 다시 쓴다.', investmentKrw: [25 * M, 45 * M], waterM3: [40_000, 70_000] },
    { category: C.ON_SITE_REUSE, title: '응축수 회수 재사용', description: '염색기 응축수를 회수해 보일러 급수로 다시 쓴다.', investmentKrw: [15 * M, 25 * M], waterM3: [6_000, 10_000], lngNm3: [15_000, 25_000] },
    { category: C.GREEN_MANAGEMENT, title: '염료·조제 투입 원단위 관리 체계', description: '처방별 투입량을 기록·분석해 과다 투입을 줄인다.', investmentKrw: [4 * M, 8 * M], rawMaterialsT: [3, 6], rawMaterialPricePerT: 4 * M },
  ],
  pcb: [
    { category: C.RAW_MATERIAL_SUBSTITUTION, title: '포름알데히드계 무전해동 → 저독성 환원제 적용', description: '저독성 환원제 공정으로 바꿔 작업환경과 폐수 처리 부담을 개선한다.', investmentKrw: [8 * M, 15 * M], wasteT: [1, 2], otherSavingsKrw: [3 * M, 6 * M] },
    { category: C.OPERATING_CONDITIONS, title: '에칭액 자동분석·자동보충 시스템', description: '비중·ORP를 연속 측정해 에칭액을 자동 보충하고 과잉 투입을 막는다.', investmentKrw: [20 * M, 30 * M], rawMaterialsT: [8, 14], rawMaterialPricePerT: 0.9 * M, productivityGainPct: [2, 4] },
    { category: C.OPERATING_CONDITIONS, title: '클린룸 공조 운전 스케줄·온습도 기준 조정', description: '비가동 시간 공조를 줄이고 구역별 온습도 기준을 현실화한다.', investmentKrw: [3 * M, 6 * M], electricityKwh: [180_000, 300_000] },
    { category: C.PROCESS_CHANGE, title: '에칭 후 수세 향류 다단화', description: '에칭 후 수세를 향류 다단으로 바꿔 용수와 폐수를 줄인다.', investmentKrw: [25 * M, 40 * M], waterM3: [30_000, 45_000] },
    { category: C.ECO_FRIENDLY_PRODUCT, title: '할로겐프리·무연 표면처리 기판 라인업', description: '할로겐프리 원판과 무연 표면처리 사양으로 친환경 기판 수주를 늘린다.', investmentKrw: [20 * M, 35 * M], otherSavingsKrw: [20 * M, 40 * M] },
    { category: C.ON_SITE_REUSE, title: '염화동 에칭 폐액 동 회수·재생 설비', description: '에칭 폐액에서 동을 회수하고 에칭액을 재생해 위탁 처리량을 줄인다.', investmentKrw: [90 * M, 150 * M], wasteT: [60, 100], rawMaterialsT: [6, 10], rawMaterialPricePerT: 9 * M },
    { category: C.ON_SITE_REUSE, title: '수세수 RO 재이용 설비', description: '수세 배출수를 RO로 처리해 공정 용수로 다시 쓴다.', investmentKrw: [60 * M, 90 * M], waterM3: [35_000, 55_000] },
    { category: C.GREEN_MANAGEMENT, title: '유해화학물질 통합관리 체계 구축', description: '취급 물질 목록과 사용량 기록, 취급자 교육을 통합해 관리한다.', investmentKrw: [2 * M, 5 * M], rawMaterialsT: [1, 2], rawMaterialPricePerT: 1.5 * M },
  ],
  chemicals: [
    { category: C.RAW_MATERIAL_SUBSTITUTION, title: '용제형 원료 일부 수계 원료로 전환', description: '일부 제품의 용제를 수계 원료로 바꿔 용제 구매량과 VOC를 줄인다.', investmentKrw: [8 * M, 15 * M], rawMaterialsT: [20, 40], rawMaterialPricePerT: 0.8 * M },
    { category: C.OPERATING_CONDITIONS, title: '반응기 배치 스케줄 통합 및 보온 가열 축소', description: '배치 순서를 조정해 대기 중 보온 가열 시간을 줄인다.', investmentKrw: [1 * M, 3 * M], lngNm3: [15_000, 25_000] },
    { category: C.OPERATING_CONDITIONS, title: '보일러 공기비·블로다운 관리', description: '보일러 공기비를 조정하고 블로다운을 수질에 맞춰 관리한다.', investmentKrw: [2 * M, 4 * M], lngNm3: [10_000, 18_000] },
    { category: C.PROCESS_CHANGE, title: '원료 자동 계량·투입 시스템 도입', description: '수작업 계량을 자동화해 원료 손실과 배치 편차를 줄인다.', investmentKrw: [30 * M, 50 * M], rawMaterialsT: [25, 45], rawMaterialPricePerT: 1.2 * M, productivityGainPct: [4, 7] },
    { category: C.PROCESS_CHANGE, title: '반응기 재킷 냉각수 폐열회수', description: '재킷 냉각수의 열로 세척수와 보일러 급수를 예열한다.', investmentKrw: [18 * M, 30 * M], lngNm3: [12_000, 20_000], waterM3: [2_000, 4_000] },
    { category: C.ECO_FRIENDLY_PRODUCT, title: '저VOC 제품 환경표지 인증 취득', description: '저VOC 처방 제품으로 환경표지 인증을 받아 친환경 조달 시장에 진입한다.', investmentKrw: [8 * M, 14 * M], otherSavingsKrw: [15 * M, 30 * M] },
    { category: C.ON_SITE_REUSE, title: '세척 용제 증류 회수 재사용', description: '반응기 세척 용제를 증류해 다시 세척에 쓴다.', investmentKrw: [35 * M, 55 * M], rawMaterialsT: [20, 30], rawMaterialPricePerT: 1.5 * M, wasteT: [20, 30] },
    { category: C.ON_SITE_REUSE, title: '반응기 세척수 다음 배치 재투입', description: '같은 제품 배치의 세척수를 다음 배치 원료수로 재투입한다.', investmentKrw: [3 * M, 6 * M], waterM3: [1_500, 3_000], wasteT: [3, 6] },
    { category: C.GREEN_MANAGEMENT, title: '화학물질 배출저감 계획 및 누출 점검 체계', description: '배출량 조사와 정기 누출 점검으로 손실과 사고 위험을 줄인다.', investmentKrw: [2 * M, 4 * M], rawMaterialsT: [2, 4], rawMaterialPricePerT: 1.2 * M },
  ],
  food: [
    { category: C.RAW_MATERIAL_SUBSTITUTION, title: '포장 필름 경량화 (두께 축소)', description: '강도를 유지하는 얇은 필름으로 바꿔 포장재 사용량을 줄인다.', investmentKrw: [2 * M, 4 * M], rawMaterialsT: [3, 6], rawMaterialPricePerT: 3 * M, wasteT: [1, 2] },
    { category: C.OPERATING_CONDITIONS, title: '증자 공정 스팀 압력·시간 최적화', description: '제품별 증자 조건을 재설정해 과잉 스팀을 줄인다.', investmentKrw: [1 * M, 3 * M], lngNm3: [10_000, 18_000] },
    { category: C.OPERATING_CONDITIONS, title: '냉동·냉장 설비 운전 최적화 및 도어 관리', description: '설정 온도와 제상 주기를 조정하고 에어커튼으로 냉기 손실을 줄인다.', investmentKrw: [3 * M, 6 * M], electricityKwh: [40_000, 70_000] },
    { category: C.PROCESS_CHANGE, title: '고효율 관류보일러 교체', description: '효율 78% 노후 보일러를 고효율 관류보일러로 교체한다.', investmentKrw: [40 * M, 60 * M], lngNm3: [18_000, 28_000] },
    { category: C.PROCESS_CHANGE, title: '온수 폐열회수 열교환기 설치', description: '살균·냉각 공정의 온수 열로 세척수를 예열한다.', investmentKrw: [15 * M, 25 * M], lngNm3: [10_000, 16_000] },
    { category: C.ECO_FRIENDLY_PRODUCT, title: '부산물(비지·면 부스러기) 사료·퇴비 자원화', description: '부산물을 사료·퇴비 원료로 공급해 위탁 처리 폐기물을 줄인다.', investmentKrw: [8 * M, 15 * M], wasteT: [80, 130], otherSavingsKrw: [2 * M, 5 * M] },
    { category: C.ON_SITE_REUSE, title: '세척·불림 헹굼수 1차 세척 재사용', description: '수질이 양호한 헹굼수를 모아 원료 1차 세척에 다시 쓴다.', investmentKrw: [8 * M, 14 * M], waterM3: [8_000, 14_000] },
    { category: C.ON_SITE_REUSE, title: '보일러 응축수 회수', description: '증자·살균 공정 응축수를 회수해 보일러 급수로 쓴다.', investmentKrw: [6 * M, 10 * M], waterM3: [1_500, 3_000], lngNm3: [5_000, 9_000] },
    { category: C.GREEN_MANAGEMENT, title: 'HACCP 연계 에너지·용수 원단위 관리', description: 'HACCP 기록에 에너지·용수 사용량을 더해 공정별 원단위를 관리한다.', investmentKrw: [1 * M, 2 * M], waterM3: [1_500, 3_000], electricityKwh: [15_000, 25_000] },
  ],
};
