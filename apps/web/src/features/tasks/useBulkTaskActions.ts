import { ErrorCode, type TaskStatus } from '@ecohub/domain';
import { useMutation } from '@urql/vue';
import { computed, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useToasts } from '@/composables/useToasts';
import { problemOf } from '@/graphql/errors';
import { AssignTaskDocument, MoveTaskDocument, UpdateTaskDocument } from '@/graphql/generated/graphql';
import type { CombinedError } from '@urql/vue';
import { canMoveTo } from './board-moves';
import type { BoardTask } from './board-task';

export type BulkAction = { kind: 'move'; status: TaskStatus } | { kind: 'due'; dueOn: string } | { kind: 'assign'; personId: string };
type Outcome = 'done' | 'conflict' | 'failed' | 'skipped';

/**
 * Several selected cards changed at once, one existing mutation per card (each with the version
 * it was seen at), so a card someone else changed meanwhile is refused alone (CONFLICT) and the
 * others still go through. One toast sums it up. The answers update the cache; only a refusal
 * reloads the board, to show what the other person did.
 */
export function useBulkTaskActions(options: { tasks: Ref<readonly BoardTask[]>; order: Ref<readonly string[]>; refetch: () => void }) {
  const { t } = useI18n();
  const toasts = useToasts();
  const moveMutation = useMutation(MoveTaskDocument);
  const updateMutation = useMutation(UpdateTaskDocument);
  const assignMutation = useMutation(AssignTaskDocument);
  const selected = ref(new Set<string>());
  const anchor = ref<string | null>(null);
  const running = ref(false);

  /** Toggles one card; with `range` (shift-click) selects every card between the last one clicked and this one. */
  function toggle(id: string, range = false) {
    const next = new Set(selected.value);
    const order = options.order.value;
    const from = anchor.value ? order.indexOf(anchor.value) : -1;
    const to = order.indexOf(id);
    if (range && from >= 0 && to >= 0) {
      for (const other of order.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(other);
    } else if (next.has(id)) next.delete(id);
    else next.add(id);
    anchor.value = id;
    selected.value = next;
  }
  function clear() {
    selected.value = new Set();
    anchor.value = null;
  }

  function outcomeOf(error: CombinedError | undefined, ok: boolean): Outcome {
    if (ok) return 'done';
    return problemOf(error)?.code === ErrorCode.CONFLICT ? 'conflict' : 'failed';
  }

  async function runOne(task: BoardTask, action: BulkAction): Promise<Outcome> {
    if (action.kind === 'move') {
      if (task.status === action.status || !canMoveTo(task.status, action.status)) return 'skipped';
      const result = await moveMutation.executeMutation({ id: task.id, status: action.status, version: task.version });
      return outcomeOf(result.error, !!result.data?.moveTask);
    }
    if (action.kind === 'due') {
      if (task.dueOn === action.dueOn) return 'skipped';
      const result = await updateMutation.executeMutation({ input: { id: task.id, version: task.version, dueOn: action.dueOn } });
      return outcomeOf(result.error, !!result.data?.updateTask);
    }
    if (task.assignees.some((person) => person.id === action.personId)) return 'skipped';
    const result = await assignMutation.executeMutation({ taskId: task.id, personId: action.personId });
    return outcomeOf(result.error, !!result.data?.assignTask);
  }

  async function apply(action: BulkAction): Promise<Record<Outcome, number>> {
    const chosen = options.tasks.value.filter((task) => selected.value.has(task.id));
    const counts: Record<Outcome, number> = { done: 0, conflict: 0, failed: 0, skipped: 0 };
    running.value = true;
    try {
      // One after another: moves into the same column would otherwise race for the same rank.
      for (const task of chosen) counts[await runOne(task, action)] += 1;
    } finally {
      running.value = false;
    }
    const parts = [
      t(`taskBulk.done.${action.kind}`, { n: counts.done }),
      ...(counts.conflict ? [t('taskBulk.conflict', { n: counts.conflict })] : []),
      ...(counts.failed ? [t('taskBulk.failed', { n: counts.failed })] : []),
      ...(counts.skipped ? [t('taskBulk.skipped', { n: counts.skipped })] : []),
    ];
    toasts.show(parts.join(', '), counts.conflict || counts.failed ? 'warning' : 'success');
    clear();
    if (counts.conflict || counts.failed) options.refetch();
    return counts;
  }

  return { selected, toggle, clear, apply, running, count: computed(() => selected.value.size) };
}
