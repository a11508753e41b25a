import { Role } from '@ecohub/domain';

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
