import type { TaskStatus } from '@ecohub/domain';
import { computed, ref, type Ref } from 'vue';
import { BOARD_COLUMNS, canMoveTo, findCard, planMove, type BoardCard, type Columns, type MovePlan } from './board-moves';

export interface KeyboardAnnouncer {
  pickedUp(card: BoardCard, status: TaskStatus, position: number, total: number): string;
  moved(card: BoardCard, status: TaskStatus, position: number, total: number): string;
  dropped(card: BoardCard, status: TaskStatus, position: number, total: number): string;
  cancelled(card: BoardCard): string;
}

/**
 * Keyboard moves on the board: Space picks a focused card up, arrows move it (up/down inside a
 * column, left/right across columns the status machine allows), Space drops, Escape cancels.
 * Every step is announced through an aria-live region.
 */
export function useBoardKeyboard<T extends BoardCard>(options: {
  columns: Ref<Columns<T>>;
  announce: (message: string) => void;
  messages: KeyboardAnnouncer;
  drop: (plan: MovePlan) => void;
  focusCard: (id: string) => void;
}) {
  const picked = ref<{ id: string; status: TaskStatus; index: number } | null>(null);

  function othersIn(status: TaskStatus, id: string): T[] {
    return options.columns.value[status].filter((card) => card.id !== id);
  }

  /** The board while a card is held: the card shown at its would-be position. */
  const preview = computed<Columns<T>>(() => {
    const held = picked.value;
    const columns = options.columns.value;
    if (!held) return columns;
    const found = findCard(columns, held.id);
    if (!found) return columns;
    const next = { ...columns };
    next[found.card.status] = columns[found.card.status].filter((card) => card.id !== held.id);
    const target = [...next[held.status].filter((card) => card.id !== held.id)];
    target.splice(held.index, 0, found.card);
    next[held.status] = target;
    return next;
  });

  function describe(kind: 'pickedUp' | 'moved' | 'dropped', card: BoardCard, status: TaskStatus, index: number) {
    const total = othersIn(status, card.id).length + 1;
    options.announce(options.messages[kind](card, status, index + 1, total));
  }

  function onKeydown(event: KeyboardEvent, card: T): void {
    const held = picked.value;
    if (event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      if (!held) {
        const found = findCard(options.columns.value, card.id);
        if (!found) return;
        picked.value = { id: card.id, status: card.status, index: found.index };
        describe('pickedUp', card, card.status, found.index);
        return;
      }
      picked.value = null;
      describe('dropped', card, held.status, held.index);
      const plan = planMove(options.columns.value, held.id, held.status, held.index);
      if (plan) options.drop(plan);
      options.focusCard(held.id);
      return;
    }
    if (!held) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      picked.value = null;
      options.announce(options.messages.cancelled(card));
      options.focusCard(card.id);
      return;
    }
    let { status, index } = held;
    if (event.key === 'ArrowUp') index = Math.max(0, index - 1);
    else if (event.key === 'ArrowDown') index = Math.min(othersIn(status, held.id).length, index + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const step = event.key === 'ArrowLeft' ? -1 : 1;
      let position = BOARD_COLUMNS.indexOf(status) + step;
      // Skip columns the card may not enter (e.g. DONE → BLOCKED).
      while (position >= 0 && position < BOARD_COLUMNS.length && !canMoveTo(card.status, BOARD_COLUMNS[position] as TaskStatus)) {
        position += step;
      }
      const next = BOARD_COLUMNS[position];
      if (!next) return;
      status = next;
      index = Math.min(index, othersIn(status, held.id).length);
    } else return;
    event.preventDefault();
    picked.value = { id: held.id, status, index };
    describe('moved', card, status, index);
    options.focusCard(held.id);
  }

  function cancel() {
    picked.value = null;
  }

  return { picked, preview, onKeydown, cancel };
}
