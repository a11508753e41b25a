import { ErrorCode, type CommentVisibility } from '@ecohub/domain';
import { useMutation, useQuery } from '@urql/vue';
import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';
import { useI18n } from 'vue-i18n';
import { useLive, useRecentlyChanged } from '@/composables/useLive';
import { useToasts } from '@/composables/useToasts';
import { problemMessageKey, problemOf, type ApiProblem } from '@/graphql/errors';
import {
  AddCommentDocument,
  CommentChangedDocument,
  DeleteCommentDocument,
  EditCommentDocument,
  TaskCommentsDocument,
  type CommentFieldsFragment,
} from '@/graphql/generated/graphql';

export interface PendingComment extends CommentFieldsFragment {
  pending: true;
}

/**
 * A task's comment thread, live: comments by others arrive through commentChanged and the cache
 * applies them by version without a reload (graphql/cache.ts); one's own appear at once while
 * they are being sent and then from the mutation's answer. Edits and deletes that lost a race (CONFLICT) reload the thread with a message.
 */
export function useCommentThread(options: {
  taskId: MaybeRefOrGetter<string>;
  author: MaybeRefOrGetter<CommentFieldsFragment['author'] | null>;
}) {
  const { t } = useI18n();
  const toasts = useToasts();
  const query = useQuery({ query: TaskCommentsDocument, variables: () => ({ taskId: toValue(options.taskId) }) });
  const add = useMutation(AddCommentDocument);
  const edit = useMutation(EditCommentDocument);
  const remove = useMutation(DeleteCommentDocument);
  const pending = ref<PendingComment[]>([]);
  const busy = ref(new Set<string>());
  const changed = useRecentlyChanged();
  const refetch = () => query.executeQuery({ requestPolicy: 'network-only' });
  const comments = computed<(CommentFieldsFragment | PendingComment)[]>(() => {
    const loaded = query.data.value?.comments.edges.map((edge) => edge.node) ?? [];
    const ids = new Set(loaded.map((comment) => comment.id));
    return [...loaded, ...pending.value.filter((comment) => !ids.has(comment.id))];
  });

  useLive({
    subscription: CommentChangedDocument,
    variables: () => ({ taskId: toValue(options.taskId) }),
    liveSequence: () => query.data.value?.liveSequence,
    onEvent: ({ commentChanged: event }) => {
      if (event.kind !== 'DELETED' && event.comment && !event.comment.deletedAt) changed.mark(event.commentId);
    },
    refetch,
  });

  function complain(problem: ApiProblem | null) {
    if (!problem) return;
    if (problem.code === ErrorCode.CONFLICT) {
      toasts.show(t('comments.conflict'), 'warning');
      refetch();
    } else toasts.show(t(problemMessageKey(problem)), 'danger');
  }

  /** Posts a comment with the author's draft files (`attachmentIds`): all of them go with it, or it is not posted. */
  async function post(body: string, visibility: CommentVisibility, attachmentIds: readonly string[] = []): Promise<ApiProblem | null> {
    const author = toValue(options.author);
    const placeholderId = `pending-${crypto.randomUUID()}`;
    if (author) {
      const now = new Date().toISOString();
      pending.value = [
        ...pending.value,
        { id: placeholderId, body, visibility, version: 0, createdAt: now, editedAt: null, author, attachments: [], pending: true },
      ];
    }
    const result = await add.executeMutation({
      input: { taskId: toValue(options.taskId), body, visibility, attachmentIds: [...attachmentIds], idempotencyKey: placeholderId },
    });
    pending.value = pending.value.filter((comment) => comment.id !== placeholderId);
    return result.data?.addComment ? null : problemOf(result.error);
  }

  /** Edits words and files in one step; true when the edit was saved. */
  async function change(comment: CommentFieldsFragment, body: string, files: { add: readonly string[]; remove: readonly string[] } = { add: [], remove: [] }) {
    busy.value = new Set(busy.value).add(comment.id);
    const result = await edit.executeMutation({
      id: comment.id,
      version: comment.version,
      body,
      addAttachmentIds: files.add.length ? [...files.add] : null,
      removeAttachmentIds: files.remove.length ? [...files.remove] : null,
    });
    busy.value.delete(comment.id);
    busy.value = new Set(busy.value);
    complain(problemOf(result.error));
    return !!result.data?.editComment;
  }

  async function destroy(comment: CommentFieldsFragment) {
    busy.value = new Set(busy.value).add(comment.id);
    const result = await remove.executeMutation({ id: comment.id, version: comment.version });
    busy.value.delete(comment.id);
    busy.value = new Set(busy.value);
    complain(problemOf(result.error));
  }

  return {
    query,
    comments,
    post,
    change,
    destroy,
    busy,
    changed,
    refetch,
    problem: computed(() => problemOf(query.error.value)),
    loading: computed(() => query.fetching.value && !query.data.value),
  };
}
