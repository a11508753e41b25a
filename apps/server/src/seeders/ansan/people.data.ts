import { Role, Specialty } from '@ecohub/domain';
import type { OrganizationKey } from './seed-program.ts';

/** Every demo account shares this password (printed in the README, never used in production). */
export const DEMO_PASSWORD = 'ecohub-demo-2012';

/** One login per role; the README lists them and `npm start` prints them. */
export const DEMO_LOGINS = [
  { role: Role.ADMIN, email: 'admin@ecohub.kr', name: '관리자', nameEn: 'EcoHub Admin' },
  { role: Role.PROGRAM_MANAGER, email: 'manager@ecofrontier.co.kr', name: '김정민', nameEn: 'Kim Jeong-min' },
  { role: Role.EXPERT, email: 'expert@ecofrontier.co.kr', name: '박성훈', nameEn: 'Park Seong-hun' },
  { role: Role.COMPANY_STAFF, email: 'staff@hanilplating.co.kr', name: '이수진', nameEn: 'Lee Su-jin' },
  { role: Role.OBSERVER, email: 'observer@ansan.go.kr', name: '최영호', nameEn: 'Choi Young-ho' },
] as const;

export type DemoRole = (typeof DEMO_LOGINS)[number]['role'];

export function demoLogin(role: DemoRole) {
  const login = DEMO_LOGINS.find((candidate) => candidate.role === role);
  if (!login) throw new Error(`no demo login for ${role}`);
  return login;
}

/** A named account of the host firm, the city or the sponsors (everyone but company staff). */
export interface StaffData {
  key: string;
  role: Role;
  name: string;
  nameEn: string;
  email: string;
  organization: OrganizationKey | null;
  jobTitle: string;
  phone: string;
  specialties?: Specialty[];
}

const S = Specialty;

export const ACCOUNTS: StaffData[] = [
  { key: 'admin', ...demoLogin(Role.ADMIN), organization: 'host', jobTitle: '시스템 관리자', phone: '031-8040-1100' },
  { key: 'manager', ...demoLogin(Role.PROGRAM_MANAGER), organization: 'host', jobTitle: '사업총괄 팀장', phone: '031-8040-1101' },
  { key: 'coordinator', role: Role.PROGRAM_MANAGER, name: '윤서영', nameEn: 'Yoon Seo-young', email: 'seoyoung.yoon@ecofrontier.co.kr', organization: 'host', jobTitle: '사업관리 매니저', phone: '031-8040-1102' },
  { key: 'networker', role: Role.PROGRAM_MANAGER, name: '한도윤', nameEn: 'Han Do-yoon', email: 'doyoon.han@ecofrontier.co.kr', organization: 'host', jobTitle: '교육·네트워크 담당', phone: '031-8040-1103' },
  { key: 'cityObserver', ...demoLogin(Role.OBSERVER), organization: 'city', jobTitle: '기업지원과 주무관', phone: '031-481-2301' },
  { key: 'cityEnvironment', role: Role.OBSERVER, name: '배지현', nameEn: 'Bae Ji-hyun', email: 'jihyun.bae@ansan.go.kr', organization: 'city', jobTitle: '환경정책과 주무관', phone: '031-481-2412' },
  { key: 'ministry', role: Role.OBSERVER, name: '오승택', nameEn: 'Oh Seung-taek', email: 'seungtaek.oh@mke.go.kr', organization: 'ministry', jobTitle: '산업환경과 사무관', phone: '02-2110-5601' },
  { key: 'kitech', role: Role.OBSERVER, name: '문지호', nameEn: 'Moon Ji-ho', email: 'jiho.moon@kitech.re.kr', organization: 'kitech', jobTitle: '청정생산 지원사업 선임연구원', phone: '031-8040-6201' },
  // The host firm's consultants who form the expert teams.
  { key: 'park', ...demoLogin(Role.EXPERT), organization: 'host', jobTitle: '수석컨설턴트 (수처리기술사)', phone: '010-3120-4471', specialties: [S.WASTEWATER, S.CHEMICALS] },
  { key: 'jung', role: Role.EXPERT, name: '정유진', nameEn: 'Jung Yu-jin', email: 'yujin.jung@ecofrontier.co.kr', organization: 'host', jobTitle: '책임컨설턴트', phone: '010-4432-1187', specialties: [S.PROCESS, S.CHEMICALS] },
  { key: 'oh', role: Role.EXPERT, name: '오태식', nameEn: 'Oh Tae-sik', email: 'taesik.oh@ecofrontier.co.kr', organization: 'host', jobTitle: '선임컨설턴트 (에너지관리기사)', phone: '010-2287-6634', specialties: [S.ENERGY] },
  { key: 'kang', role: Role.EXPERT, name: '강민호', nameEn: 'Kang Min-ho', email: 'minho.kang@ecofrontier.co.kr', organization: 'host', jobTitle: '수석컨설턴트', phone: '010-5521-3390', specialties: [S.WASTEWATER, S.ENERGY] },
  { key: 'song', role: Role.EXPERT, name: '송지은', nameEn: 'Song Ji-eun', email: 'jieun.song@ecofrontier.co.kr', organization: 'host', jobTitle: '책임컨설턴트 (대기환경기사)', phone: '010-7745-2018', specialties: [S.AIR, S.PROCESS] },
  { key: 'lim', role: Role.EXPERT, name: '임재혁', nameEn: 'Lim Jae-hyeok', email: 'jaehyeok.lim@ecofrontier.co.kr', organization: 'host', jobTitle: '선임컨설턴트', phone: '010-9043-5526', specialties: [S.ENERGY] },
  { key: 'seo', role: Role.EXPERT, name: '서동욱', nameEn: 'Seo Dong-uk', email: 'donguk.seo@ecofrontier.co.kr', organization: 'host', jobTitle: '수석컨설턴트 (화공안전기술사)', phone: '010-6618-0742', specialties: [S.CHEMICALS, S.AIR] },
  { key: 'yoon', role: Role.EXPERT, name: '윤하나', nameEn: 'Yoon Ha-na', email: 'hana.yoon@ecofrontier.co.kr', organization: 'host', jobTitle: '책임컨설턴트', phone: '010-3389-1450', specialties: [S.WASTEWATER] },
  { key: 'cho', role: Role.EXPERT, name: '조민석', nameEn: 'Cho Min-seok', email: 'minseok.cho@ecofrontier.co.kr', organization: 'host', jobTitle: '선임컨설턴트', phone: '010-8812-7703', specialties: [S.PROCESS, S.ENERGY] },
  { key: 'hong', role: Role.EXPERT, name: '홍기철', nameEn: 'Hong Ki-cheol', email: 'kicheol.hong@ecofrontier.co.kr', organization: 'host', jobTitle: '수석컨설턴트 (에너지진단사)', phone: '010-2276-9914', specialties: [S.ENERGY, S.PROCESS] },
  { key: 'kwon', role: Role.EXPERT, name: '권나래', nameEn: 'Kwon Na-rae', email: 'narae.kwon@ecofrontier.co.kr', organization: 'host', jobTitle: '책임컨설턴트 (녹색경영)', phone: '010-4150-6628', specialties: [S.MANAGEMENT] },
  { key: 'shin', role: Role.EXPERT, name: '신동규', nameEn: 'Shin Dong-gyu', email: 'donggyu.shin@ecofrontier.co.kr', organization: 'host', jobTitle: '선임컨설턴트', phone: '010-5093-3381', specialties: [S.AIR, S.PROCESS] },
];

/** Fictional names for company CEOs and staff: surname and given name with their romanization. */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['김', 'Kim'], ['이', 'Lee'], ['박', 'Park'], ['최', 'Choi'], ['정', 'Jung'], ['강', 'Kang'], ['조', 'Cho'],
  ['윤', 'Yoon'], ['장', 'Jang'], ['임', 'Lim'], ['한', 'Han'], ['오', 'Oh'], ['서', 'Seo'], ['신', 'Shin'],
  ['권', 'Kwon'], ['황', 'Hwang'], ['안', 'Ahn'], ['송', 'Song'], ['류', 'Ryu'], ['홍', 'Hong'], ['전', 'Jeon'],
  ['고', 'Ko'], ['문', 'Moon'], ['양', 'Yang'], ['손', 'Son'], ['배', 'Bae'], ['백', 'Baek'], ['허', 'Heo'],
];

export const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['민준', 'Min-jun'], ['서연', 'Seo-yeon'], ['지훈', 'Ji-hoon'], ['수빈', 'Su-bin'], ['현우', 'Hyeon-u'],
  ['지영', 'Ji-young'], ['동현', 'Dong-hyun'], ['은지', 'Eun-ji'], ['성민', 'Seong-min'], ['혜진', 'Hye-jin'],
  ['재원', 'Jae-won'], ['미경', 'Mi-kyung'], ['영수', 'Young-su'], ['정호', 'Jeong-ho'], ['경민', 'Kyung-min'],
  ['상철', 'Sang-cheol'], ['태호', 'Tae-ho'], ['윤희', 'Yun-hee'], ['준영', 'Jun-young'], ['보람', 'Bo-ram'],
  ['승우', 'Seung-woo'], ['다은', 'Da-eun'], ['진우', 'Jin-woo'], ['소영', 'So-young'], ['광수', 'Kwang-su'],
  ['명숙', 'Myung-sook'], ['용준', 'Yong-jun'], ['현정', 'Hyun-jung'], ['종민', 'Jong-min'], ['기태', 'Ki-tae'],
  ['병철', 'Byung-cheol'], ['순자', 'Sun-ja'], ['문수', 'Mun-su'], ['영길', 'Young-gil'], ['창호', 'Chang-ho'],
];

/** Job titles of company staff who work with the consultants. */
export const STAFF_TITLES = ['환경안전팀 과장', '생산관리팀 대리', '공무팀 차장', '품질환경팀 과장', '관리부 부장', '생산팀 주임'] as const;
