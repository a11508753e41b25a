import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { useConflictSafeEdit } from './useConflictSafeEdit';

describe('conflict-safe editing', () => {
  it('notices a newer version, takes what only the other person changed, lists what both changed and applies the choice', () => {
    const saved = ref({ version: 3, values: { title: '세척수 재이용', investmentKrw: '1000' } });
    const draft = ref<{ title: string; investmentKrw: string } | null>({ ...saved.value.values });
    const edit = useConflictSafeEdit({ saved: () => saved.value, draft, label: (key) => key });
    edit.opened();
    expect(edit.changed.value).toBe(false);

    draft.value = { title: '세척수 재이용 (내 안)', investmentKrw: '1000' };
    saved.value = { version: 4, values: { title: '세척수 재이용 (관리자 안)', investmentKrw: '2000' } };
    expect(edit.changed.value).toBe(true);
    expect(draft.value.title).toBe('세척수 재이용 (내 안)');

    expect(edit.review()).toBe(true);
    // The investment was not touched here: the manager's value comes in, nothing to choose.
    expect(edit.conflict.value).toEqual([{ key: 'title', label: 'title', mine: '세척수 재이용 (내 안)', theirs: '세척수 재이용 (관리자 안)' }]);
    expect(draft.value.investmentKrw).toBe('2000');
    edit.resolve({ title: 'mine' });
    expect(draft.value).toEqual({ title: '세척수 재이용 (내 안)', investmentKrw: '2000' });
    expect(edit.baseVersion.value).toBe(4);
    expect(edit.changed.value).toBe(false);
  });

  it('needs no choice when only other fields changed: the base moves on', () => {
    const saved = ref({ version: 1, values: { title: 'A' } });
    const draft = ref<{ title: string } | null>({ title: 'A' });
    const edit = useConflictSafeEdit({ saved: () => saved.value, draft, label: (key) => key });
    edit.opened();
    saved.value = { version: 2, values: { title: 'A' } };
    expect(edit.review()).toBe(false);
    expect(edit.baseVersion.value).toBe(2);
  });

  it('after a CONFLICT, reloads and says whether to review, save again or give up', async () => {
    const saved = ref({ version: 1, values: { title: 'A', note: 'x' }, editor: { name: '이수진' } });
    const draft = ref<{ title: string; note: string } | null>({ title: 'A', note: 'x' });
    const edit = useConflictSafeEdit({ saved: () => saved.value, draft, label: (key) => key });
    edit.opened();
    draft.value = { title: '내 제목', note: 'x' };
    // Nothing newer could be read: the caller reports the CONFLICT.
    expect(await edit.afterConflict(async () => {}, 1)).toBe('stale');
    // Only another field changed: the base moves on and the caller saves again.
    expect(await edit.afterConflict(async () => (saved.value = { ...saved.value, version: 2, values: { title: 'A', note: 'y' } }), 1)).toBe('retry');
    expect(edit.baseVersion.value).toBe(2);
    // The title changed too: the person chooses, and the review names who changed it.
    expect(await edit.afterConflict(async () => (saved.value = { ...saved.value, version: 3, values: { title: '그쪽 제목', note: 'y' } }), 2)).toBe('review');
    expect(edit.conflict.value?.map((field) => field.key)).toEqual(['title']);
    expect(draft.value).toEqual({ title: '내 제목', note: 'y' });
    expect(edit.editor.value).toEqual({ name: '이수진' });
  });

  it('shows both values in the review as the form reads them (an enum by its label), and applies the codes', () => {
    const saved = ref({ version: 1, values: { kind: 'INITIAL' } });
    const draft = ref<{ kind: string } | null>({ kind: 'INITIAL' });
    const labels: Record<string, string> = { INITIAL: '예비진단', DETAILED: '상세진단', FOLLOW_UP: '사후진단' };
    const edit = useConflictSafeEdit({ saved: () => saved.value, draft, label: (key) => key, display: (_key, value) => labels[value] ?? value });
    edit.opened();
    draft.value = { kind: 'DETAILED' };
    saved.value = { version: 2, values: { kind: 'FOLLOW_UP' } };
    expect(edit.review()).toBe(true);
    expect(edit.conflict.value).toEqual([{ key: 'kind', label: 'kind', mine: '상세진단', theirs: '사후진단' }]);
    edit.resolve({ kind: 'theirs' });
    expect(draft.value).toEqual({ kind: 'FOLLOW_UP' });
  });
});
