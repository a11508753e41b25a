/**
 * What a plant of each kind looks like to a cleaner-production diagnosis: the processes walked
 * through, typical annual inputs for a plant of `referenceEmployees` people, and what the
 * experts found. Figures are plausible orders of magnitude for Ansan SMEs, not measurements.
 */
export type IndustryProfile = 'plating' | 'coating' | 'heatTreatment' | 'machining' | 'dyeing' | 'pcb' | 'chemicals' | 'food';

export interface AnnualInputs {
  electricityKwh: number;
  lngNm3: number;
  waterM3: number;
  rawMaterialsT: number;
  wasteT: number;
  wastewaterM3: number;
}

export interface IndustryData {
  referenceEmployees: number;
  processes: string;
  inputs: AnnualInputs;
  /** One-line impressions from the initial walk-through. */
  initialFindings: string[];
  /** Findings of the detailed diagnosis, each a markdown bullet. */
  detailedFindings: string[];
}

export const INDUSTRIES: Record<IndustryProfile, IndustryData> = {
  plating: {
    referenceEmployees: 45,
    processes: '탈지·산세 전처리 → 니켈·크롬·아연 도금 → 다단 수세 → 크로메이트 후처리 → 건조, 정류기·가온 보일러, 폐수처리시설',
    inputs: { electricityKwh: 1_650_000, lngNm3: 115_000, waterM3: 42_000, rawMaterialsT: 160, wasteT: 55, wastewaterM3: 38_000 },
    initialFindings: [
      '수세조가 단일 오버플로 방식으로 운영되어 용수 사용량이 도금 면적 대비 과다함',
      '도금조 가온 보일러의 배기 온도가 높아 열손실이 큼',
      '시안계 아연도금액을 사용 중이며 폐수처리 약품비 부담이 큼',
      '드래그아웃에 의한 도금액 손실과 슬러지 발생이 많음',
    ],
    detailedFindings: [
      '수세 공정이 전체 용수의 **약 70%**를 차지하며, 3단 향류세척으로 전환 시 40% 이상 절감 가능',
      '니켈 도금 라인의 드래그아웃 손실이 월 약 150 kg(니켈염 기준)으로 추정됨',
      '보일러 배기가스 온도 220 ℃ 내외: 폐열회수 시 LNG 10~15% 절감 여지',
      '정류기 부하율이 낮은 시간대가 많아 전류밀도·운전 시간 조정 필요',
      '6가 크롬 크로메이트 사용: 3가 전환 시 RoHS 대응과 폐수 처리비 절감을 함께 기대',
    ],
  },
  coating: {
    referenceEmployees: 35,
    processes: '탈지·에칭 → 아노다이징(양극산화)·도장 → 실링 → 건조로, 도장 부스 배기, 폐수처리시설',
    inputs: { electricityKwh: 1_150_000, lngNm3: 140_000, waterM3: 24_000, rawMaterialsT: 140, wasteT: 28, wastewaterM3: 19_000 },
    initialFindings: [
      '도장 부스 배기팬이 정격 운전되어 전력 낭비가 큼',
      '건조로 배기열을 회수하지 않고 배출함',
      '용제형 도료 사용으로 VOC 관리 부담이 큼',
    ],
    detailedFindings: [
      '건조로 LNG 사용량이 전체 에너지 비용의 **약 45%**를 차지',
      '부스 배기 풍량이 작업량과 무관하게 일정: 인버터 제어 시 30% 내외 절감 예상',
      '고온 실링(95 ℃) 공정의 가온 에너지가 큼: 중온 실링제 전환 검토',
      '산세·에칭액 교체 주기가 짧아 폐산 발생량이 많음',
    ],
  },
  heatTreatment: {
    referenceEmployees: 35,
    processes: '세척 → 침탄·담금질로(가스 침탄) → 퀜칭 → 뜨임 → 쇼트, 변성가스 발생기, 냉각탑',
    inputs: { electricityKwh: 3_300_000, lngNm3: 380_000, waterM3: 9_000, rawMaterialsT: 38, wasteT: 14, wastewaterM3: 2_200 },
    initialFindings: [
      '연속로 배기가스의 열을 회수하지 않음',
      '노체 단열재가 노후되어 표면 온도가 높음',
      '퀜칭유 열화로 교체량이 많음',
    ],
    detailedFindings: [
      '침탄로 버너 공기비가 1.4 이상으로 과잉공기에 의한 열손실이 큼',
      '노 외벽 표면온도 80 ℃ 이상 구간 다수: 단열 보강 필요',
      '배기가스 온도 약 450 ℃: 레큐퍼레이터 설치 시 연소공기 예열 가능',
      '냉각수 일부가 일회성으로 방류되고 있음',
    ],
  },
  machining: {
    referenceEmployees: 50,
    processes: '소재 절단 → CNC 선삭·밀링 → 세척 → 검사·포장, 공기압축기, 절삭유 관리',
    inputs: { electricityKwh: 1_450_000, lngNm3: 9_000, waterM3: 3_200, rawMaterialsT: 780, wasteT: 110, wastewaterM3: 600 },
    initialFindings: [
      '공기압축기 배관 누설음이 여러 곳에서 확인됨',
      '절삭유 교체 주기가 짧고 폐절삭유가 많이 발생함',
    ],
    detailedFindings: [
      '압축공기 누설률 **약 25%** 추정: 누설 관리와 대수제어로 압축기 전력 20% 절감 가능',
      '수용성 절삭유 부패로 월 1회 전량 교체: 원심분리 재생 시 교체량 60% 감소 예상',
      '칩이 혼합 배출되어 유가 판매 단가가 낮음',
      '야간 공회전 설비가 있어 대기전력 관리 필요',
    ],
  },
  dyeing: {
    referenceEmployees: 80,
    processes: '정련·표백 → 염색(래피드·지거·액류) → 수세 → 텐터 가공·건조, 스팀 공급(집단에너지)·열매체 보일러, 폐수 전처리',
    inputs: { electricityKwh: 2_900_000, lngNm3: 560_000, waterM3: 430_000, rawMaterialsT: 310, wasteT: 85, wastewaterM3: 400_000 },
    initialFindings: [
      '염색 폐수(60~70 ℃)를 열회수 없이 방류함',
      '염색기 욕비가 1:10 이상으로 높음',
      '텐터 배기 온도가 높고 풍량 조절이 되지 않음',
    ],
    detailedFindings: [
      '용수 원단위가 **원단 1 kg당 약 140 L**로 업계 우수 수준(80~100 L) 대비 높음',
      '고온 폐수 열량을 회수하면 용수 예열 스팀을 20% 이상 줄일 수 있음',
      '텐터 배기 풍량 과다(설계 대비 130%): 습도 제어 도입 필요',
      '반응성 염료 고착률이 낮아 염·알칼리 투입량과 COD 부하가 큼',
      '응축수 회수율이 30% 미만',
    ],
  },
  pcb: {
    referenceEmployees: 100,
    processes: '드릴 → 무전해 동도금 → 노광·현상 → 에칭 → 박리 → 솔더레지스트 → 표면처리(HASL·ENIG), 클린룸 공조, 폐수처리',
    inputs: { electricityKwh: 4_100_000, lngNm3: 75_000, waterM3: 125_000, rawMaterialsT: 360, wasteT: 160, wastewaterM3: 112_000 },
    initialFindings: [
      '에칭 수세 라인의 용수 사용량이 많음',
      '염화동 에칭 폐액 전량을 위탁 처리함',
      '클린룸 공조가 비가동 시간에도 정격 운전됨',
    ],
    detailedFindings: [
      '에칭 폐액 위탁처리비가 **연 1억 원 이상**: 동 회수 재생 시 처리비와 원료비 동시 절감',
      '수세 공정이 단순 오버플로: 향류 다단화로 용수 35% 절감 가능',
      '공조 설비가 전체 전력의 약 30% 차지: 운전 스케줄·온습도 기준 조정 필요',
      '무전해 동도금에 포름알데히드계 환원제 사용: 작업환경 개선 필요',
    ],
  },
  chemicals: {
    referenceEmployees: 40,
    processes: '원료 계량·투입 → 반응기(가열·냉각) → 혼합·분산 → 여과 → 충진·포장, 스팀 보일러, 용제 저장·세척',
    inputs: { electricityKwh: 980_000, lngNm3: 195_000, waterM3: 15_500, rawMaterialsT: 2_900, wasteT: 75, wastewaterM3: 7_800 },
    initialFindings: [
      '반응기 세척에 용제를 일회성으로 사용 후 폐기함',
      '배치 간 대기 시간에도 반응기를 보온 가열함',
    ],
    detailedFindings: [
      '세척 용제 폐기량 연 **약 40 t**: 증류 회수 시 70% 재사용 가능',
      '반응기 재킷 냉각수를 회수하지 않아 냉각탑 부하와 용수 손실이 큼',
      '수작업 계량으로 원료 손실과 배치 품질 편차가 있음',
      '저VOC 수계 제품 수요가 늘고 있으나 제품군이 부족',
    ],
  },
  food: {
    referenceEmployees: 30,
    processes: '원료 세척·불림 → 분쇄·증자 → 성형·제면 → 살균·냉각 → 포장, 스팀 보일러, 냉동·냉장 설비',
    inputs: { electricityKwh: 880_000, lngNm3: 175_000, waterM3: 58_000, rawMaterialsT: 1_450, wasteT: 190, wastewaterM3: 49_000 },
    initialFindings: [
      '세척·불림 용수를 재사용하지 않음',
      '증자 공정의 스팀이 과잉 공급됨',
      '부산물(비지·면 부스러기)을 폐기물로 처리함',
    ],
    detailedFindings: [
      '세척수 중 1차 헹굼수는 수질이 양호해 **재사용 가능**(용수 20% 절감)',
      '보일러 효율 78% 수준: 고효율 관류보일러 교체 시 LNG 12% 절감',
      '응축수가 배수로 버려짐: 회수 시 급수 예열 효과',
      '부산물 연 150 t 이상 위탁 처리: 사료·퇴비 자원화 검토',
    ],
  },
};
