// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify is only sound on a spec-complete DOM (happy-dom's NodeIterator stops early).
import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session } from '@/features/auth/session';
import { cachedMockClient } from '@/testing/mock-client';
import CommentThread from './CommentThread.vue';

const ME = { id: 'p-staff', name: '이수진', nameEn: 'Lee Su-jin' };
const EXPERT = { id: 'p-expert', name: '박성훈', nameEn: 'Park Seong-hun' };
const PEOPLE = [
  { ...EXPERT, role: 'EXPERT' },
  { ...ME, role: 'COMPANY_STAFF' },
  { id: 'p-kim', name: '김정민', nameEn: 'Kim Jeong-min', role: 'PROGRAM_MANAGER' },
];

function comment(id: string, author: typeof ME, body: string, version = 1) {
  return { id, body, visibility: 'SHARED', version, createdAt: '2012-11-23T01:00:00Z', editedAt: null, author };
}

function setup() {
  let comments = [
    comment('c1', EXPERT, '세척수 유량을 **다시** 측정했습니다. <img src=x onerror="alert(1)"><script>alert(2)</script>'),
    comment('c2', ME, `확인했습니다 @[박성훈](person:${EXPERT.id})`, 3),
  ];
  const mock = cachedMockClient({
    TaskComments: () => ({ data: { liveSequence: 5, comments: { totalCount: comments.length, edges: comments.map((node) => ({ node })) } } }),
    AddComment: (variables) => {
      const input = variables.input as { body: string };
      const created = comment('c3', ME, input.body);
      comments = [...comments, created];
      return { data: { addComment: created } };
    },
    EditComment: (variables) => ({ data: { editComment: { ...comments[1], body: variables.body as string, version: 4 } } }),
    DeleteComment: () => ({ data: { deleteComment: { id: 'c2', deletedAt: '2012-11-24T00:00:00Z', version: 4 } } }),
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(CommentThread, {
    props: { taskId: 'task-1', people: PEOPLE, canComment: true },
    global: { plugins: [router, [urql, shallowRef(mock.client)]] },
    attachTo: document.body,
  });
  return { mock, wrapper };
}

describe('the comment thread', () => {
  beforeEach(() => {
    session.set({ ...ME, email: 'staff@hanilplating.co.kr', role: 'COMPANY_STAFF', locale: 'ko', company: { id: 'co-1', nameKo: '(주)한일도금', nameEn: null } });
  });
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('renders markdown and neutralises script and onerror payloads', async () => {
    const { wrapper } = setup();
    await flushPromises();
    const first = wrapper.find('[data-comment-id="c1"]');
    expect(first.find('.comment__body strong').text()).toBe('다시');
    expect(first.find('script').exists()).toBe(false);
    expect(first.find('img').exists()).toBe(false);
    expect(first.find('[onerror]').exists()).toBe(false);
    expect(first.text()).toContain('<script>alert(2)</script>');
    expect(wrapper.find('[data-comment-id="c2"] .mention').text()).toBe('@박성훈');
  });

  it('offers people to mention after @, shows the mention as a name and a chip, and sends its token', async () => {
    const { mock, wrapper } = setup();
    await flushPromises();
    const textarea = wrapper.find('[data-testid="comment-form"] textarea');
    await textarea.setValue('견적 확인 부탁드립니다 @박');
    await textarea.trigger('input');
    const options = wrapper.findAll('[role="option"]');
    expect(options.map((option) => option.text())).toEqual([expect.stringContaining('박성훈')]);
    expect(textarea.attributes('aria-expanded')).toBe('true');
    await textarea.trigger('keydown', { key: 'Enter' });
    expect((textarea.element as HTMLTextAreaElement).value).toBe('견적 확인 부탁드립니다 @박성훈 ');
    expect(wrapper.find('[data-testid="mention-chips"]').text()).toContain('박성훈');
    await wrapper.find('[data-testid="comment-form"]').trigger('submit');
    await flushPromises();
    expect(mock.networkOf('AddComment')[0]?.variables.input).toMatchObject({ body: `견적 확인 부탁드립니다 @[박성훈](person:${EXPERT.id})` });
  });

  it('sends a comment and shows it at once', async () => {
    const { mock, wrapper } = setup();
    await flushPromises();
    await wrapper.find('[data-testid="comment-form"] textarea').setValue('설치 일정 공유 부탁드립니다');
    await wrapper.find('[data-testid="comment-form"]').trigger('submit');
    expect(wrapper.text()).toContain('설치 일정 공유 부탁드립니다');
    await flushPromises();
    expect(mock.networkOf('AddComment')[0]?.variables.input).toMatchObject({
      taskId: 'task-1',
      body: '설치 일정 공유 부탁드립니다',
      visibility: 'SHARED',
    });
  });

  it('lets people edit and delete only their own comments', async () => {
    const { mock, wrapper } = setup();
    await flushPromises();
    expect(wrapper.find('[data-comment-id="c1"] [data-testid="comment-edit"]').exists()).toBe(false);
    expect(wrapper.find('[data-comment-id="c1"] [data-testid="comment-delete"]').exists()).toBe(false);

    await wrapper.find('[data-comment-id="c2"] [data-testid="comment-edit"]').trigger('click');
    await wrapper.find('[data-comment-id="c2"] textarea').setValue('확인했습니다. 다음 주에 뵙겠습니다.');
    await wrapper.find('[data-comment-id="c2"] form').trigger('submit');
    await flushPromises();
    expect(mock.networkOf('EditComment').map((call) => call.variables)).toEqual([
      { id: 'c2', version: 3, body: '확인했습니다. 다음 주에 뵙겠습니다.' },
    ]);

    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await wrapper.find('[data-comment-id="c2"] [data-testid="comment-delete"]').trigger('click');
    await flushPromises();
    // The edit's answer (version 4) is what the thread shows now, without reloading it.
    expect(mock.networkOf('DeleteComment').map((call) => call.variables)).toEqual([{ id: 'c2', version: 4 }]);
    await flushPromises();
    expect(wrapper.find('[data-comment-id="c2"]').exists()).toBe(false);
  });

  it('applies comments by someone else from their commentChanged events alone, without reloading the thread', async () => {
    const { mock, wrapper } = setup();
    await flushPromises();
    const before = mock.networkOf('TaskComments').length;
    expect(mock.networkOf('CommentChanged')[0]?.variables).toEqual({ taskId: 'task-1', since: 5 });
    const incoming = { ...comment('c9', EXPERT, '측정 일정은 **목요일**입니다'), deletedAt: null };
    mock.emit('CommentChanged', { commentChanged: { seq: 6, kind: 'ADDED', commentId: 'c9', taskId: 'task-1', comment: incoming } });
    await flushPromises();
    expect(wrapper.find('[data-comment-id="c9"] .comment__body').html()).toContain('<strong>목요일</strong>');
    mock.emit('CommentChanged', { commentChanged: { seq: 7, kind: 'DELETED', commentId: 'c1', taskId: 'task-1', comment: null } });
    await flushPromises();
    expect(wrapper.find('[data-comment-id="c1"]').exists()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(mock.networkOf('TaskComments')).toHaveLength(before);
  });
});
