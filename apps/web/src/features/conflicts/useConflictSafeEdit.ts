import { computed, nextTick, ref, type Ref } from 'vue';
import type { ConflictField } from './ConflictReview.vue';

/** Who wrote a version (`lastEditedBy`): null when unknown or hidden from the viewer. */
export interface Editor {
  name: string;
  nameEn?: string | null;
}

/**
 * An edit form that live updates never overwrite: it remembers the version it was opened on
 * (`changed` turns true when a newer one arrives), saves naming that version, and after a
 * CONFLICT merges field by field against what the form was opened on: a field only the other
 * person changed takes their value, one only this person changed keeps theirs, and one both
 * changed differently is listed to choose (so "keep mine" never reverts a field nobody here
 * touched). `editor` names who wrote the newer version.
 */
export function useConflictSafeEdit<F extends { [K in keyof F]: string }>(options: {
  /** The record as now saved (newest known version) and its form values. */
  saved: () => { version: number; values: F; editor?: Editor | null } | null;
  draft: Ref<F | null>;
  label: (key: keyof F & string) => string;
  /** How a field's value reads in the review (an enum's label rather than its code); as typed by default. */
  display?: (key: keyof F & string, value: string) => string;
}) {
  const display = (key: keyof F & string, value: unknown) => (options.display ? options.display(key, String(value ?? '')) : String(value ?? ''));
  const baseVersion = ref<number | null>(null);
  let baseValues: F | null = null;
  const conflict = ref<ConflictField[] | null>(null);
  const changed = computed(() => {
    const saved = options.saved();
    return baseVersion.value !== null && !!saved && saved.version > baseVersion.value;
  });
  const editor = computed(() => options.saved()?.editor ?? null);

  function moveBase(saved: { version: number; values: F }) {
    baseVersion.value = saved.version;
    baseValues = saved.values;
  }

  function opened() {
    const saved = options.saved();
    baseVersion.value = saved?.version ?? null;
    baseValues = saved?.values ?? null;
    conflict.value = null;
  }

  /**
   * Takes the other person's value where only they changed a field, and lists the fields both
   * changed differently; true when there are any to choose from.
   */
  function review(): boolean {
    const saved = options.saved();
    const draft = options.draft.value;
    if (!saved || !draft) return false;
    const base = baseValues ?? saved.values;
    const same = (a: unknown, b: unknown) => String(a ?? '').trim() === String(b ?? '').trim();
    const merged = { ...draft };
    const fields: ConflictField[] = [];
    for (const key of Object.keys(draft) as (keyof F & string)[]) {
      const [mine, theirs, was] = [draft[key], saved.values[key], base[key]];
      if (same(mine, theirs) || same(theirs, was)) continue;
      if (same(mine, was)) merged[key] = theirs;
      else fields.push({ key, label: options.label(key), mine: display(key, mine), theirs: display(key, theirs) });
    }
    options.draft.value = merged;
    if (fields.length > 0) {
      conflict.value = fields;
      return true;
    }
    conflict.value = null;
    moveBase(saved);
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
    moveBase(saved);
    conflict.value = null;
  }

  /**
   * After a save of `version` met a CONFLICT: reads the newest version (`reload`), then answers
   * 'review' when fields differ (the person chooses), 'retry' when only other fields changed (the
   * base moved on: save again), or 'stale' when no newer version could be read.
   */
  async function afterConflict(reload: () => PromiseLike<unknown>, version: number): Promise<'review' | 'retry' | 'stale'> {
    await reload();
    // The newer version reaches a form through its props on the next render.
    await nextTick();
    if ((options.saved()?.version ?? version) <= version) return 'stale';
    return review() ? 'review' : 'retry';
  }

  return { baseVersion, conflict, changed, editor, opened, review, resolve, afterConflict };
}
