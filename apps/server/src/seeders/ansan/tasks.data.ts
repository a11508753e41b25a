import { MeasureStatus, TaskPriority, TaskStatus } from '@ecohub/domain';

/** Who usually does a task: the company's staff, the consultant, or both together. */
export type TaskAssignees = 'staff' | 'expert' | 'both';

export interface TaskTemplate {
  /** `{measure}` is replaced by the measure's title. */
  title: string;
  description: string;
  /** Possible board columns with their relative weights. */
  statuses: readonly (readonly [TaskStatus, number])[];
  priority: TaskPriority;
  assignees: TaskAssignees;
}

const T = TaskStatus;
const P = TaskPriority;

/** Work under a measure follows the measure's own progress. */
export const MEASURE_TASKS: Record<MeasureStatus, TaskTemplate[]> = {
  [MeasureStatus.PROPOSED]: [
    { title: '{measure}: 타당성 검토 자료 작성', description: '투자비와 연간 절감액을 추정하고 기술 검토 결과를 정리해 회사와 공유합니다.', statuses: [[T.TODO, 2], [T.IN_PROGRESS, 1], [T.IN_REVIEW, 1]], priority: P.MEDIUM, assignees: 'expert' },
    { title: '{measure}: 설치 공간·배관 현장 확인', description: '설비 배치 도면과 현장 여유 공간을 확인해 적용 가능성을 판단합니다.', statuses: [[T.TODO, 2], [T.IN_PROGRESS, 1]], priority: P.LOW, assignees: 'staff' },
  ],
  [MeasureStatus.APPROVED]: [
    { title: '{measure}: 설비 견적 3개사 비교', description: '사양·납기·유지보수 조건을 같은 기준으로 비교해 업체를 추천합니다.', statuses: [[T.TODO, 1], [T.IN_PROGRESS, 2]], priority: P.HIGH, assignees: 'both' },
    { title: '{measure}: 투자 내부 결재', description: '검토 결과와 견적을 붙여 대표이사 결재를 받습니다.', statuses: [[T.DONE, 2], [T.IN_REVIEW, 1]], priority: P.MEDIUM, assignees: 'staff' },
  ],
  [MeasureStatus.IN_PROGRESS]: [
    { title: '{measure}: 설치 공사 일정 협의', description: '라인 정지 가능 시간에 맞춰 공사 일정을 잡고 안전 조치를 확인합니다.', statuses: [[T.IN_PROGRESS, 2], [T.DONE, 1]], priority: P.HIGH, assignees: 'both' },
    { title: '{measure}: 시운전 및 초기 운전조건 설정', description: '설치 후 시운전으로 운전조건을 정하고 작업자 교육을 합니다.', statuses: [[T.TODO, 2], [T.BLOCKED, 1]], priority: P.MEDIUM, assignees: 'expert' },
    { title: '{measure}: 정책자금·보조금 연계 검토', description: '중소기업 환경개선 정책자금과 지자체 보조금 신청 요건을 확인합니다.', statuses: [[T.BLOCKED, 1], [T.IN_REVIEW, 1]], priority: P.MEDIUM, assignees: 'staff' },
  ],
  [MeasureStatus.IMPLEMENTED]: [
    { title: '{measure}: 설치 완료 보고서 작성', description: '설치 사진과 시운전 결과, 운전 기준을 보고서로 정리합니다.', statuses: [[T.DONE, 1]], priority: P.MEDIUM, assignees: 'expert' },
    { title: '{measure}: 사후 모니터링 데이터 수집', description: '설치 후 3개월간 사용량을 기록해 절감 효과를 확인합니다.', statuses: [[T.IN_PROGRESS, 2], [T.IN_REVIEW, 1]], priority: P.HIGH, assignees: 'both' },
  ],
  [MeasureStatus.VERIFIED]: [
    { title: '{measure}: 효과 검증 측정 및 결과 보고', description: '개선 전후 사용량을 비교해 절감량과 온실가스 감축량을 확정합니다.', statuses: [[T.DONE, 1]], priority: P.HIGH, assignees: 'expert' },
    { title: '{measure}: 에코클럽 공유용 성과 사례 작성', description: '다른 참여기업이 참고할 수 있도록 적용 과정과 효과를 한 장으로 정리합니다.', statuses: [[T.DONE, 1], [T.IN_REVIEW, 1]], priority: P.LOW, assignees: 'both' },
  ],
  [MeasureStatus.DROPPED]: [
    { title: '{measure}: 보류 사유 정리 및 차년도 재검토 메모', description: '보류한 이유와 다시 검토할 조건을 기록해 둡니다.', statuses: [[T.DONE, 1]], priority: P.LOW, assignees: 'expert' },
  ],
};

/** Company work not tied to one measure. */
export const GENERAL_TASKS: TaskTemplate[] = [
  { title: '상세진단 결과 보고서 확인', description: '상세진단 보고서의 공정 현황과 개선 기회를 확인하고 의견을 줍니다.', statuses: [[T.DONE, 1]], priority: P.HIGH, assignees: 'staff' },
  { title: '월별 전력·LNG·용수 사용량 자료 제출', description: '최근 12개월 고지서 기준 사용량을 양식에 맞춰 올립니다.', statuses: [[T.DONE, 1], [T.IN_PROGRESS, 2]], priority: P.MEDIUM, assignees: 'staff' },
  { title: '공정별 물질수지 검토', description: '원료 투입부터 제품·폐기물까지 물질수지를 맞춰 손실 지점을 찾습니다.', statuses: [[T.IN_REVIEW, 2], [T.IN_PROGRESS, 1]], priority: P.HIGH, assignees: 'expert' },
  { title: '폐수 배출 수질분석 성적서 공유', description: '최근 자가측정 성적서를 올려 개선 전 기준값으로 씁니다.', statuses: [[T.TODO, 2], [T.DONE, 1]], priority: P.LOW, assignees: 'staff' },
  { title: '환경교육 이수자 명단 제출', description: '청정생산 환경교육에 참석한 직원 명단을 제출합니다.', statuses: [[T.DONE, 2], [T.TODO, 1]], priority: P.LOW, assignees: 'staff' },
  { title: '에코클럽 사례 발표 자료 준비', description: '다음 에코클럽 모임에서 발표할 개선 사례를 10분 분량으로 준비합니다.', statuses: [[T.TODO, 2], [T.IN_PROGRESS, 1]], priority: P.MEDIUM, assignees: 'both' },
  { title: '중간 성과 점검 회의', description: '개선 과제별 진행 상황과 하반기 일정을 함께 점검합니다.', statuses: [[T.TODO, 2], [T.IN_PROGRESS, 1]], priority: P.HIGH, assignees: 'both' },
  { title: '유해화학물질 취급 현황표 갱신', description: '취급 물질과 보관량, 취급자 교육 현황을 최신으로 고칩니다.', statuses: [[T.BLOCKED, 1], [T.TODO, 2]], priority: P.URGENT, assignees: 'staff' },
  { title: '온실가스 감축량 산정 근거 자료 정리', description: '과제별 감축량 계산에 쓴 사용량과 배출계수 근거를 정리합니다.', statuses: [[T.IN_PROGRESS, 2], [T.IN_REVIEW, 1]], priority: P.MEDIUM, assignees: 'expert' },
];

/** Why a task is blocked (added to its description). */
export const BLOCKED_REASONS = [
  '설비 업체 납기가 3주 이상 늦어져 대기 중입니다.',
  '담당자 교육 파견으로 다음 달부터 진행할 수 있습니다.',
  '대표이사 결재가 보류되어 투자 일정이 미정입니다.',
  '관할 기관 협의 결과를 기다리고 있습니다.',
];
