import type { SearchQuery } from '@/graphql/generated/graphql';

export type SearchHit = SearchQuery['search'][number];

/** Where a hit opens: its own page, or the page that shows it (a comment in its task). */
export function searchLink(hit: SearchHit): string | null {
  const company = hit.companyId ? `/companies/${hit.companyId}` : null;
  switch (hit.kind) {
    case 'COMPANY':
      return `/companies/${hit.id}`;
    case 'TASK':
      return company && `${company}/tasks/${hit.id}`;
    case 'MEASURE':
      return company && `${company}/measures/${hit.id}`;
    case 'DIAGNOSIS':
      return company && `${company}/diagnoses`;
    case 'COMMENT':
      return company && hit.taskId ? `${company}/tasks/${hit.taskId}` : null;
    case 'PERSON':
      return company;
    case 'EVENT':
      return `/events/${hit.id}`;
    default:
      return null;
  }
}
