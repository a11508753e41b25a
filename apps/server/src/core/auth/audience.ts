import { Role } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../ids.ts';
import { sqlUuidArray } from './access.ts';

export interface AudienceMember {
  id: string;
  role: Role;
}

/**
 * Of the given people, those who may see a company's work right now: managers and admins, the
 * company's own staff, and experts of a team serving it (the same rule as access.ts, asked the
 * other way round). Used to check assignees and owners and to resolve @mentions, so nobody is
 * assigned or notified about work they cannot open. Unknown ids and disabled people drop out.
 */
export async function companyAudience(em: EntityManager, companyId: string, personIds: readonly string[]): Promise<AudienceMember[]> {
  const ids = [...new Set(personIds.filter(isUuid))];
  if (ids.length === 0) return [];
  return em.execute<AudienceMember[]>(
    `select p.id, p.role
       from person p
      where p.id = any(?::uuid[]) and p.disabled_at is null
        and (p.role in ('${Role.ADMIN}', '${Role.PROGRAM_MANAGER}')
          or (p.role = '${Role.COMPANY_STAFF}' and p.company_id = ?)
          or (p.role = '${Role.EXPERT}' and exists (
                select 1 from participation pa join expert_team t on t.id = pa.team_id
                 where pa.company_id = ?
                   and (t.lead_id = p.id or exists (select 1 from team_membership m where m.team_id = t.id and m.person_id = p.id)))))`,
    [sqlUuidArray(ids), companyId, companyId],
  );
}
