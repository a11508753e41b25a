import type { Subscription } from './fleet.ts';

/**
 * What a program-board page listens to for comments: the history feed of everything the viewer
 * may see (a manager: the whole program), where every new comment arrives as an entry.
 */
export interface BoardFeed {
  name: string;
  subscription(programYearId: string): Subscription;
  /** The comment an event is about, or null. */
  commentIdOf(data: Record<string, unknown>): string | null;
}

export const ACTIVITY_FEED: BoardFeed = {
  name: 'activityAdded',
  subscription: () => ({
    query: `subscription BoardActivity { activityAdded { seq entry { id action entityType entityId summary createdAt actor { id name } company { id nameKo } } } }`,
    variables: {},
  }),
  commentIdOf(data) {
    const entry = (data.activityAdded as { entry?: { entityType?: string; entityId?: string } } | undefined)?.entry;
    return entry?.entityType === 'Comment' ? (entry.entityId ?? null) : null;
  },
};
