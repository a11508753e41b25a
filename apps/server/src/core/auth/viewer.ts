import type { Role } from '@ecohub/domain';

/** The signed-in person a request or socket acts for; null for anonymous visitors. */
export interface Viewer {
  personId: string;
  role: Role;
  /** Set for COMPANY_STAFF: the one company they belong to. */
  companyId: string | null;
  sessionId: string;
}
