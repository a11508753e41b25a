import { ErrorCode, type TaskStatus } from '@ecohub/domain';
import { useMutation } from '@urql/vue';
import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';
import { useI18n } from 'vue-i18n';
import { useEveryPage } from '@/composables/useLaterPages';
import { useLive, useRecentlyChanged } from '@/composables/useLive';
import { useToasts } from '@/composables/useToasts';
import { problemMessageKey, problemOf } from '@/graphql/errors';
import {
  CompanyTaskChangedDocument,
  CompanyTasksAfterDocument,
  CompanyTasksDocument,
  CreateTaskDocument,
  MoveTaskDocument,
  type BoardTaskFieldsFragment,
} from '@/graphql/generated/graphql';
import { groupByStatus, type MovePlan } from './board-moves';

/** Where a card is shown while its move is on the way. */
interface PendingMove {
  status: TaskStatus;
  rank: string;
}

/**
 * One company's board: all its tasks (every page), as the normalized cache holds them, with moves
 * shown at once (optimistic) and rolled back when the server refuses them (a CONFLICT means someone
 * else changed the card first). Changes by others arrive as taskChanged events carrying the task; the cache
 * applies them and mutation answers by version and places created or deleted tasks in the list
 * (graphql/cache.ts). The board reloads only on a refusal or a resync.
 */
export function useTaskBoard(companyId: MaybeRefOrGetter<string>) {
  const { t } = useI18n();
  const toasts = useToasts();
  const list = useEveryPage({
    query: CompanyTasksDocument,
    after: CompanyTasksAfterDocument,
    variables: () => ({ companyId: toValue(companyId) }),
    firstPageOf: (data) => data.tasks,
    pageOf: (data) => data.tasks,
  });
  const query = list.query;
  const moveMutation = useMutation(MoveTaskDocument);
  const createMutation = useMutation(CreateTaskDocument);
  const pendingMoves = ref(new Map<string, PendingMove>());
  // The versions the viewer's own moves produced: their events need no highlight.
  const ownVersions = new Map<string, number>();
  const changed = useRecentlyChanged();
  const refetch = list.refetch;

  const tasks = computed<BoardTaskFieldsFragment[]>(() =>
    list.rows.value.map((task) => {
      const pending = pendingMoves.value.get(task.id);
      return pending ? { ...task, status: pending.status, rank: pending.rank } : task;
    }),
  );
  const columnsOf = (list: readonly BoardTaskFieldsFragment[]) => groupByStatus([...list]);

  function setPending(id: string, move: PendingMove | null) {
    const next = new Map(pendingMoves.value);
    if (move) next.set(id, move);
    else next.delete(id);
    pendingMoves.value = next;
  }

  async function move(plan: MovePlan): Promise<boolean> {
    setPending(plan.id, { status: plan.status, rank: plan.rank });
    const result = await moveMutation.executeMutation({
      id: plan.id,
      status: plan.status,
      afterId: plan.afterId,
      beforeId: plan.beforeId,
      version: plan.version,
    });
    // The answer is in the cache now (or the move was refused): the card shows the cache's place.
    setPending(plan.id, null);
    const moved = result.data?.moveTask;
    if (moved) {
      ownVersions.set(moved.id, moved.version);
      return true;
    }
    const problem = problemOf(result.error);
    toasts.show(
      problem?.code === ErrorCode.CONFLICT ? t('tasks.moveConflict') : t(problemMessageKey(problem ?? { code: 'INTERNAL_SERVER_ERROR', violations: [] })),
      problem?.code === ErrorCode.CONFLICT ? 'warning' : 'danger',
    );
    refetch();
    return false;
  }

  async function add(status: TaskStatus, title: string): Promise<boolean> {
    const result = await createMutation.executeMutation({
      input: { companyId: toValue(companyId), title, status, idempotencyKey: crypto.randomUUID() },
    });
    if (result.data?.createTask) return true;
    const problem = problemOf(result.error);
    if (problem) toasts.show(t(problemMessageKey(problem)), 'danger');
    return false;
  }

  useLive({
    subscription: CompanyTaskChangedDocument,
    variables: () => ({ companyId: toValue(companyId) }),
    liveSequence: () => query.data.value?.liveSequence,
    onEvent: ({ taskChanged: event }) => {
      const own = (event.task?.version ?? 0) <= (ownVersions.get(event.taskId) ?? -1);
      if (!pendingMoves.value.has(event.taskId) && !own) changed.mark(event.taskId);
    },
    refetch,
  });

  return {
    query,
    tasks,
    /** The company's tasks as the server counts them, those still loading included. */
    totalCount: list.totalCount,
    laterPageProblem: list.laterPageProblem,
    columnsOf,
    move,
    add,
    changed,
    refetch,
    problem: computed(() => problemOf(query.error.value)),
    loading: computed(() => query.fetching.value && !query.data.value),
  };
}
