import { Specialty } from '@ecohub/domain';

/**
 * Year 1's four expert teams ("기업별 맞춤형 전문가 컨설팅 팀"), five companies each. Keys name
 * accounts in people.data.ts; the first member leads, and the specialty is what they bring here.
 */
export interface TeamData {
  number: 1 | 2 | 3 | 4;
  name: string;
  focus: string;
  members: { key: string; specialty: Specialty }[];
}

const S = Specialty;

export const TEAMS: TeamData[] = [
  {
    number: 1,
    name: '1팀 · 도금·표면처리',
    focus: '도금·아노다이징 업체의 수세수 절감, 도금액 회수, 유해 화학물질 대체',
    members: [
      { key: 'park', specialty: S.WASTEWATER },
      { key: 'jung', specialty: S.CHEMICALS },
      { key: 'oh', specialty: S.ENERGY },
    ],
  },
  {
    number: 2,
    name: '2팀 · 염색·섬유',
    focus: '염색 가공업체의 용수·스팀 절감, 폐수 폐열회수, 염료·조제 관리',
    members: [
      { key: 'kang', specialty: S.WASTEWATER },
      { key: 'song', specialty: S.AIR },
      { key: 'lim', specialty: S.ENERGY },
      { key: 'kwon', specialty: S.MANAGEMENT },
    ],
  },
  {
    number: 3,
    name: '3팀 · 전자·화학',
    focus: 'PCB·화학업체의 에칭 폐액 재생, 용제 회수, 화학물질 관리',
    members: [
      { key: 'seo', specialty: S.CHEMICALS },
      { key: 'yoon', specialty: S.WASTEWATER },
      { key: 'cho', specialty: S.PROCESS },
    ],
  },
  {
    number: 4,
    name: '4팀 · 금속가공·식품',
    focus: '열처리·가공·식품업체의 에너지 효율, 압축공기·보일러 관리, 부산물 자원화',
    members: [
      { key: 'hong', specialty: S.ENERGY },
      { key: 'kwon', specialty: S.MANAGEMENT },
      { key: 'shin', specialty: S.PROCESS },
    ],
  },
];
