import type { TaskPriority } from '@ecohub/domain';
import type { BoardCard } from './board-moves';

/** What a card on the board shows. */
export interface BoardTask extends BoardCard {
  title: string;
  priority: TaskPriority;
  dueOn: string | null;
  /** Set on tasks recorded for a past program year: due marks are read on that day. */
  asOfOn?: string | null;
  assignees: readonly { id: string; name: string; nameEn: string | null }[];
  measure: { id: string; title: string } | null;
  commentCount?: number;
}
