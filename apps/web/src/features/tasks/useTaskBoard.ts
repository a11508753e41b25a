import { ErrorCode, type TaskStatus } from '@ecohub/domain';
import { useMutation, useQuery } from '@urql/vue';
import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useI18n } from 'vue-i18n';
import { useLiveOverrides } from '@/composables/live-overrides';
import { useLive, useRecentlyChanged } from '@/composables/useLive';
import { useToasts } from '@/composables/useToasts';
import { problemMessageKey, problemOf } from '@/graphql/errors';
import {
  CompanyTaskChangedDocument,
  CompanyTasksDocument,
  CreateTaskDocument,
  MoveTaskDocument,
  type BoardTaskFieldsFragment,
} from '@/graphql/generated/graphql';
import { groupByStatus, type MovePlan } from './board-moves';

interface Overlay {
  status: TaskStatus;
  rank: string;
  /** The version the overlay reflects; dropped once the server's data is at least this new. */
  version: number;
  pending: boolean;
}

/**
 * One company's board: the server's tasks, with moves shown at once (optimistic) and rolled back
 * when the server refuses them (a CONFLICT means someone else changed the card first). Changes by
 * others arrive as taskChanged events carrying the task, applied by version without a reload;
 * created tasks come from the mutation's answer. The board reloads only on a refusal or a resync.
 */
export function useTaskBoard(companyId: MaybeRefOrGetter<string>) {
  const { t } = useI18n();
  const toasts = useToasts();
  const query = useQuery({ query: CompanyTasksDocument, variables: () => ({ companyId: toValue(companyId) }) });
  const moveMutation = useMutation(MoveTaskDocument);
  const createMutation = useMutation(CreateTaskDocument);
  const overlays = ref(new Map<string, Overlay>());
  const changed = useRecentlyChanged();
  const refetch = () => query.executeQuery({ requestPolicy: 'network-only' });
  const live = useLiveOverrides<BoardTaskFieldsFragment>();

  const loadedTasks = computed<BoardTaskFieldsFragment[]>(() => query.data.value?.tasks.edges.map((edge) => edge.node) ?? []);
  const serverTasks = computed(() => live.merge(loadedTasks.value));
  watch(loadedTasks, (tasks) => live.settle(tasks));

  // Drop overlays the server has caught up with.
  watch(serverTasks, (tasks) => {
    const next = new Map(overlays.value);
    for (const task of tasks) {
      const overlay = next.get(task.id);
      if (overlay && !overlay.pending && task.version >= overlay.version) next.delete(task.id);
    }
    if (next.size !== overlays.value.size) overlays.value = next;
  });

  const tasks = computed(() =>
    serverTasks.value.map((task) => {
      const overlay = overlays.value.get(task.id);
      return overlay ? { ...task, status: overlay.status, rank: overlay.rank } : task;
    }),
  );
  const columnsOf = (list: readonly BoardTaskFieldsFragment[]) => groupByStatus([...list]);

  function setOverlay(id: string, overlay: Overlay | null) {
    const next = new Map(overlays.value);
    if (overlay) next.set(id, overlay);
    else next.delete(id);
    overlays.value = next;
  }

  async function move(plan: MovePlan): Promise<boolean> {
    setOverlay(plan.id, { status: plan.status, rank: plan.rank, version: plan.version, pending: true });
    const result = await moveMutation.executeMutation({
      id: plan.id,
      status: plan.status,
      afterId: plan.afterId,
      beforeId: plan.beforeId,
      version: plan.version,
    });
    const moved = result.data?.moveTask;
    if (moved) {
      setOverlay(plan.id, { status: moved.status, rank: moved.rank, version: moved.version, pending: false });
      return true;
    }
    setOverlay(plan.id, null);
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
    const created = result.data?.createTask;
    if (created) {
      live.put(created.id, created);
      return true;
    }
    const problem = problemOf(result.error);
    if (problem) toasts.show(t(problemMessageKey(problem)), 'danger');
    return false;
  }

  useLive({
    subscription: CompanyTaskChangedDocument,
    variables: () => ({ companyId: toValue(companyId) }),
    liveSequence: () => query.data.value?.liveSequence,
    onEvent: ({ taskChanged: event }) => {
      live.put(event.taskId, event.kind === 'DELETED' || !event.task ? null : event.task);
      if (!overlays.value.has(event.taskId)) changed.mark(event.taskId);
    },
    refetch,
  });

  return {
    query,
    tasks,
    columnsOf,
    move,
    add,
    changed,
    refetch,
    problem: computed(() => problemOf(query.error.value)),
    loading: computed(() => query.fetching.value && !query.data.value),
  };
}
