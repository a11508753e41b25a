import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/i18n';
import ChangedWhileEditing from './ChangedWhileEditing.vue';
import ConflictReview from './ConflictReview.vue';

const LEE = { name: '이수진', nameEn: 'Lee Su-jin' };

describe('saying who changed a record while it was being edited', () => {
  it('names the editor in Korean, keeps the typed text and offers a review', async () => {
    const wrapper = mount(ChangedWhileEditing, { props: { editor: LEE } });
    expect(wrapper.text()).toContain('편집하는 동안 이수진 님이 이 내용을 바꿨습니다');
    expect(wrapper.text()).toContain('입력한 내용은 그대로 있습니다');
    await wrapper.get('[data-testid="conflict-review-open"]').trigger('click');
    expect(wrapper.emitted('review')).toHaveLength(1);
  });

  it('uses the English name in English', () => {
    const wrapper = mount(ChangedWhileEditing, { props: { editor: LEE }, global: { plugins: [createAppI18n('en')] } });
    expect(wrapper.text()).toContain('Changed by Lee Su-jin while you were editing');
  });

  it('says "someone else" when the editor is hidden from the viewer or was the system', () => {
    const wrapper = mount(ChangedWhileEditing, { props: { editor: null } });
    expect(wrapper.text()).toContain('다른 사람이 이 내용을 바꿨습니다');
    expect(wrapper.text()).not.toContain('님이');
  });

  it('titles the field-by-field review with the editor', () => {
    const fields = [{ key: 'findings', label: '소견', mine: '내 소견', theirs: '이수진 소견' }];
    expect(mount(ConflictReview, { props: { fields, editor: LEE } }).get('h3').text()).toBe('이수진 님이 바꾼 내용');
    expect(mount(ConflictReview, { props: { fields, editor: LEE }, global: { plugins: [createAppI18n('en')] } }).get('h3').text()).toBe('Changed by Lee Su-jin');
    expect(mount(ConflictReview, { props: { fields } }).get('h3').text()).toBe('다른 사람이 바꾼 내용');
  });
});
