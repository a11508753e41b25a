import { computed, ref, type Ref } from 'vue';
import type { ConflictField } from './ConflictReview.vue';

/** Who wrote a version (`lastEditedBy`): null when unknown or hidden from the viewer. */
export interface Editor {
  name: string;
  nameEn?: string | null;
}

/**
 * An edit form that live updates never overwrite: it remembers the version it was opened on
 * (`changed` turns true when a newer one arrives), saves naming that version, and after a
 * CONFLICT lists the fields where the draft and the saved record differ, to choose per field.
 * `editor` names who wrote the newer version.
 */
export function useConflictSafeEdit<F extends { [K in keyof F]: string }>(options: {
  /** The record as now saved (newest known version) and its form values. */
  saved: () => { version: number; values: F; editor?: Editor | null } | null;
  draft: Ref<F | null>;
  label: (key: keyof F & string) => string;
}) {
  const baseVersion = ref<number | null>(null);
  const conflict = ref<ConflictField[] | null>(null);
  const changed = computed(() => {
    const saved = options.saved();
    return baseVersion.value !== null && !!saved && saved.version > baseVersion.value;
  });
  const editor = computed(() => options.saved()?.editor ?? null);

  function opened() {
    baseVersion.value = options.saved()?.version ?? null;
    conflict.value = null;
  }

  /** Lists the differing fields; true when there are any to choose from. */
  function review(): boolean {
    const saved = options.saved();
    const draft = options.draft.value;
    if (!saved || !draft) return false;
    conflict.value = (Object.keys(draft) as (keyof F & string)[])
      .filter((key) => String(draft[key]).trim() !== String(saved.values[key] ?? '').trim())
      .map((key) => ({ key, label: options.label(key), mine: String(draft[key]), theirs: String(saved.values[key] ?? '') }));
    if (conflict.value.length > 0) return true;
    conflict.value = null;
    baseVersion.value = saved.version;
    return false;
  }

  /** Applies the choice to the draft and moves the base to the reviewed version. */
  function resolve(choice: Record<string, 'mine' | 'theirs'>) {
    const saved = options.saved();
    const draft = options.draft.value;
    if (!saved || !draft) return;
    const next = { ...draft };
    const values = saved.values as Record<string, string>;
    for (const [key, pick] of Object.entries(choice)) if (pick === 'theirs') (next as Record<string, string>)[key] = values[key] ?? '';
    options.draft.value = next;
    baseVersion.value = saved.version;
    conflict.value = null;
  }

  return { baseVersion, conflict, changed, editor, opened, review, resolve };
}
