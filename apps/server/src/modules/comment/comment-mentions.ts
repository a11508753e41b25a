import { CommentVisibility, extractMentionIds, Role } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { companyAudience } from '../../core/auth/audience.ts';

/**
 * The people a body mentions who may read the comment: they must see the company's work, and
 * an INTERNAL comment is not for company staff (mentioning them notifies nobody). Mentions of
 * anyone else stay plain text.
 */
export async function resolveMentions(
  em: EntityManager,
  companyId: string,
  body: string,
  visibility: CommentVisibility,
): Promise<string[]> {
  const members = await companyAudience(em, companyId, extractMentionIds(body));
  return members
    .filter((member) => visibility === CommentVisibility.SHARED || member.role !== Role.COMPANY_STAFF)
    .map((member) => member.id);
}
