import { EventKind } from '@ecohub/domain';

export interface GuestData {
  name: string;
  affiliation: string;
}

/**
 * An event of year 1 and who came. Invited companies are the selected ones (all, or the given
 * teams) plus any applicants named in `alsoInvited` (the eco club is open to the region); a
 * visit to one plant invites that company alone (`only`), and is seen only by who sees it.
 */
export interface EventData {
  kind: EventKind;
  title: string;
  description: string;
  venue: string;
  date: string;
  startsAt: string;
  endsAt: string;
  teams: 'all' | (1 | 2 | 3 | 4)[];
  alsoInvited?: string[];
  /** The company a site visit is for: invited alone (its team's experts still come). */
  only?: string;
  /** Share of invited companies whose contact registered, and whose CEO came as a guest. */
  staffShare: number;
  ceoShare: number;
  /** Share of registered staff who did not show up. */
  noShowShare: number;
  experts: 'leads' | 'teams' | 'all' | 'none';
  /** Account keys from people.data.ts. */
  accounts: string[];
  guests: GuestData[];
}

/**
 * The kick-off follows the 2012 report: 2012-11-22 in Ansan, about 50 people: CEOs and staff
 * of the 20 companies, the mayor, ministry and KITECH officials, association heads.
 */
export const EVENTS: EventData[] = [
  {
    kind: EventKind.KICKOFF,
    title: '안산 지역에코혁신사업 1차년도 착수보고회',
    description:
      '안산시장과 지식경제부 산업환경과장 축사, 지역에코혁신사업 소개 및 1차년도 사업추진계획 보고, ' +
      '1차년도 참여기업 협약서 전달식.',
    venue: '경복궁웨딩문화원 (경기도 안산시)',
    date: '2012-11-22',
    startsAt: '14:00',
    endsAt: '17:00',
    teams: 'all',
    staffShare: 1,
    ceoShare: 0.75,
    noShowShare: 0,
    experts: 'leads',
    accounts: ['manager', 'coordinator', 'networker', 'cityObserver', 'cityEnvironment', 'ministry', 'kitech'],
    guests: [
      { name: '김철민', affiliation: '안산시장' },
      { name: '산업환경과장', affiliation: '지식경제부 산업환경과' },
      { name: '정광수', affiliation: '반월시화산업단지 환경협의회 회장' },
    ],
  },
  {
    kind: EventKind.TRAINING,
    title: '청정생산 기초 환경교육: 공정진단과 물질수지',
    description: '참여기업 실무자를 대상으로 청정생산 개념, 공정별 물질수지 작성법, 진단 자료 준비 방법을 교육.',
    venue: '안산시청 대회의실',
    date: '2012-12-13',
    startsAt: '14:00',
    endsAt: '17:30',
    teams: 'all',
    staffShare: 0.9,
    ceoShare: 0,
    noShowShare: 0.1,
    experts: 'leads',
    accounts: ['networker'],
    guests: [],
  },
  {
    kind: EventKind.WORKSHOP,
    title: '1차 CEO·실무자 연합 워크숍: 업종별 개선 과제 공유',
    description: '상세진단 결과를 업종별로 발표하고, 기업 간 공통 과제(수세수 절감, 폐열회수)를 토론.',
    venue: '안산상공회의소 대회의실',
    date: '2013-01-24',
    startsAt: '10:00',
    endsAt: '16:00',
    teams: 'all',
    staffShare: 0.85,
    ceoShare: 0.6,
    noShowShare: 0.05,
    experts: 'all',
    accounts: ['manager', 'coordinator', 'networker', 'cityObserver'],
    guests: [],
  },
  {
    kind: EventKind.ECO_CLUB,
    title: '지역산업 환경 에코클럽 발족 모임',
    description: '참여기업과 지역 업체가 함께하는 에코클럽을 발족하고 분과(도금·표면처리, 염색, 전자·화학, 금속·식품)를 구성.',
    venue: '경기테크노파크 세미나실 (안산시 상록구)',
    date: '2013-02-21',
    startsAt: '15:00',
    endsAt: '17:30',
    teams: 'all',
    alsoInvited: ['신광금속(주)', '(주)동진섬유', '(주)일신정밀'],
    staffShare: 0.8,
    ceoShare: 0.2,
    noShowShare: 0.1,
    experts: 'leads',
    accounts: ['manager', 'networker', 'cityEnvironment'],
    guests: [{ name: '정광수', affiliation: '반월시화산업단지 환경협의회 회장' }],
  },
  {
    kind: EventKind.SITE_VISIT,
    title: '(주)에이스써키트 에칭 폐액 재생 설비 사전 조사',
    description: '동 회수·재생 설비 설치 위치와 배관 경로, 폐액 성상을 확인.',
    venue: '(주)에이스써키트 안산공장',
    date: '2013-02-28',
    startsAt: '10:00',
    endsAt: '12:00',
    teams: [3],
    only: '(주)에이스써키트',
    staffShare: 1,
    ceoShare: 0,
    noShowShare: 0,
    experts: 'teams',
    accounts: [],
    guests: [],
  },
  {
    kind: EventKind.SITE_VISIT,
    title: '우수사례 벤치마킹: 인천 지역에코혁신사업 참여기업 견학',
    description: '인천 지역에코혁신사업 참여기업의 도금 수세수 재이용과 에칭 폐액 재생 설비를 견학.',
    venue: '인천 남동국가산업단지',
    date: '2013-03-21',
    startsAt: '09:30',
    endsAt: '17:00',
    teams: [1, 3],
    staffShare: 0.9,
    ceoShare: 0.3,
    noShowShare: 0.1,
    experts: 'teams',
    accounts: ['coordinator'],
    guests: [],
  },
  {
    kind: EventKind.TRAINING,
    title: '화학물질 안전관리 및 유해화학물질 취급 교육',
    description: '화학물질 관련 법규 변화, MSDS 관리, 누출 대응 절차를 교육.',
    venue: '경기테크노파크 세미나실 (안산시 상록구)',
    date: '2013-04-11',
    startsAt: '14:00',
    endsAt: '17:00',
    teams: 'all',
    staffShare: 0.85,
    ceoShare: 0,
    noShowShare: 0.1,
    experts: 'none',
    accounts: ['networker'],
    guests: [{ name: '백승호', affiliation: '한국화학물질관리협회 안전교육 강사' }],
  },
  {
    kind: EventKind.ECO_CLUB,
    title: '에코클럽 도금·표면처리 분과: 수세수 절감 사례',
    description: '향류세척과 드래그아웃 회수 적용 경험을 공유하고 공동 구매 가능성을 논의.',
    venue: '(주)한일도금 회의실',
    date: '2013-04-25',
    startsAt: '15:00',
    endsAt: '17:00',
    teams: [1],
    alsoInvited: ['신광금속(주)', '(주)금강전해'],
    staffShare: 1,
    ceoShare: 0.4,
    noShowShare: 0,
    experts: 'teams',
    accounts: ['networker'],
    guests: [],
  },
  {
    kind: EventKind.SITE_VISIT,
    title: '(주)한일도금 향류세척 설비 현장 점검',
    description: '3단 향류세척 전환 후 용수 사용량과 세정 품질을 현장에서 확인.',
    venue: '(주)한일도금 안산공장',
    date: '2013-05-09',
    startsAt: '10:00',
    endsAt: '12:00',
    teams: [1],
    only: '(주)한일도금',
    staffShare: 1,
    ceoShare: 0.2,
    noShowShare: 0,
    experts: 'teams',
    accounts: ['manager'],
    guests: [],
  },
  {
    kind: EventKind.WORKSHOP,
    title: '2차 CEO·실무자 연합 워크숍: 개선 성과 중간 점검',
    description: '기업별 개선 과제 진행률과 중간 성과(절감액, 온실가스 감축량)를 공유하고 하반기 계획을 논의.',
    venue: '안산상공회의소 대회의실',
    date: '2013-05-23',
    startsAt: '10:00',
    endsAt: '16:00',
    teams: 'all',
    staffShare: 0.9,
    ceoShare: 0.5,
    noShowShare: 0.05,
    experts: 'all',
    accounts: ['manager', 'coordinator', 'networker', 'cityObserver', 'kitech'],
    guests: [],
  },
  {
    kind: EventKind.ECO_CLUB,
    title: '에코클럽 염색 분과: 폐수 폐열회수와 용수 재이용',
    description: '염색 폐수 폐열회수 설비 운영 경험과 냉각수 재이용 사례를 공유.',
    venue: '(주)반월염직 회의실',
    date: '2013-06-20',
    startsAt: '15:00',
    endsAt: '17:00',
    teams: [2],
    alsoInvited: ['(주)동진섬유', '한성염직(주)'],
    staffShare: 1,
    ceoShare: 0.4,
    noShowShare: 0.1,
    experts: 'teams',
    accounts: ['networker'],
    guests: [],
  },
  {
    kind: EventKind.WORKSHOP,
    title: '1차년도 성과공유 워크숍',
    description: '1차년도 기업별 성과를 발표하고 우수 사례를 시상, 2차년도(2013년 8월~) 추진 방향을 공유.',
    venue: '안산시청 대회의실',
    date: '2013-07-18',
    startsAt: '14:00',
    endsAt: '17:30',
    teams: 'all',
    staffShare: 0.95,
    ceoShare: 0.55,
    noShowShare: 0.05,
    experts: 'all',
    accounts: ['manager', 'coordinator', 'networker', 'cityObserver', 'cityEnvironment', 'ministry', 'kitech'],
    guests: [{ name: '정광수', affiliation: '반월시화산업단지 환경협의회 회장' }],
  },
];
