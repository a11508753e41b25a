import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { useConflictSafeEdit } from './useConflictSafeEdit';

describe('conflict-safe editing', () => {
  it('notices a newer version, lists differing fields and applies the choice per field', () => {
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
    expect(edit.conflict.value).toEqual([
      { key: 'title', label: 'title', mine: '세척수 재이용 (내 안)', theirs: '세척수 재이용 (관리자 안)' },
      { key: 'investmentKrw', label: 'investmentKrw', mine: '1000', theirs: '2000' },
    ]);
    edit.resolve({ title: 'mine', investmentKrw: 'theirs' });
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
});
