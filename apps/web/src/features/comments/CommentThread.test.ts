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

function comment(id: string, author: typeof ME, body: string, version = 1, attachments: unknown[] = []) {
  return { id, body, visibility: 'SHARED', version, createdAt: '2012-11-23T01:00:00Z', editedAt: null, author, attachments };
}

const LIMITS = {
  maxBytes: 1024 * 1024,
  types: [
    { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
    { contentType: 'image/png', extensions: ['png'] },
    { contentType: 'application/pdf', extensions: ['pdf'] },
  ],
};

/** The one network piece the composer uses outside GraphQL: the file upload. Tests answer each request. */
class FakeUpload {
  static sent: FakeUpload[] = [];
  url = '';
  headers: Record<string, string> = {};
  body: File | null = null;
  status = 0;
  response: unknown = null;
  responseType = '';
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: File) {
    this.body = body;
    FakeUpload.sent.push(this);
  }
  abort() {
    this.onabort?.();
  }
  progress(fraction: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded: fraction * 100, total: 100 });
  }
  stored(id: string) {
    const contentType = this.headers['Content-Type']!;
    this.status = 201;
    this.response = { id, fileName: this.body!.name, contentType, sizeBytes: this.body!.size, url: `/attachments/${id}`, thumbnailUrl: contentType.startsWith('image/') ? `/attachments/${id}/thumbnail` : null };
    this.onload?.();
  }
}

const FILE = { id: 'f-1', fileName: '도금라인.jpg', contentType: 'image/jpeg', sizeBytes: 2048, url: '/attachments/f-1', thumbnailUrl: '/attachments/f-1/thumbnail', createdAt: '2012-11-23T01:00:00Z', uploadedBy: EXPERT };

function setup() {
  let comments = [
    comment('c1', EXPERT, '세척수 유량을 **다시** 측정했습니다. <img src=x onerror="alert(1)"><script>alert(2)</script>', 1, [FILE]),
    comment('c2', ME, `확인했습니다 @[박성훈](person:${EXPERT.id})`, 3),
  ];
  const mock = cachedMockClient({
    TaskComments: () => ({ data: { liveSequence: 5, comments: { totalCount: comments.length, edges: comments.map((node) => ({ node })) } } }),
    AttachmentLimits: () => ({ data: { attachmentLimits: LIMITS } }),
    DeleteAttachment: (variables) => ({ data: { deleteAttachment: { id: variables.id } } }),
    AddComment: (variables) => {
      const input = variables.input as { body: string; attachmentIds: string[] };
      const created = comment('c3', ME, input.body, 1, input.attachmentIds.map((id) => ({ ...FILE, id, url: `/attachments/${id}`, uploadedBy: ME })));
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
    FakeUpload.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeUpload);
    session.set({ ...ME, email: 'staff@hanilplating.co.kr', role: 'COMPANY_STAFF', locale: 'ko', company: { id: 'co-1', nameKo: '(주)한일도금', nameEn: null } });
  });
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('renders markdown and neutralises script and onerror payloads', async () => {
    const { wrapper } = setup();
    await flushPromises();
    const first = wrapper.find('[data-comment-id="c1"]');
    expect(first.find('.comment__body strong').text()).toBe('다시');
    expect(first.find('script').exists()).toBe(false);
    expect(first.find('.comment__body img').exists()).toBe(false);
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
      { id: 'c2', version: 3, body: '확인했습니다. 다음 주에 뵙겠습니다.', addAttachmentIds: null, removeAttachmentIds: null },
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

  const pick = async (wrapper: ReturnType<typeof setup>['wrapper'], selector: string, files: File[]) => {
    const input = wrapper.find(`${selector} [data-testid="attach-input"]`);
    Object.defineProperty(input.element, 'files', { value: files, configurable: true });
    await input.trigger('change');
  };
  const sized = (name: string, type: string, bytes: number) => new File([new Uint8Array(bytes)], name, { type });

  it("refuses a file over the hub's limit or of a type it does not take before sending it, naming the limit", async () => {
    const { wrapper } = setup();
    await flushPromises();
    await pick(wrapper, '[data-testid="comment-form"]', [sized('설비도면.dwg', '', 10), sized('계량기.jpg', 'image/jpeg', 2 * 1024 * 1024)]);
    const problems = wrapper.find('[data-testid="attachment-problems"]').text();
    expect(problems).toContain('설비도면.dwg');
    expect(problems).toContain('첨부할 수 없는 파일 형식입니다');
    expect(problems).toContain('계량기.jpg: 이 파일은 2MB입니다. 파일은 1MB까지 올릴 수 있습니다.');
    expect(FakeUpload.sent).toEqual([]);
  });

  it('uploads a photo and a PDF while the comment is written, with progress and cancel, and posts them with it', async () => {
    const { mock, wrapper } = setup();
    await flushPromises();
    await pick(wrapper, '[data-testid="comment-form"]', [sized('현장.jpg', 'image/jpeg', 300), sized('견적서.pdf', 'application/pdf', 500), sized('잘못.png', 'image/png', 10)]);
    expect(FakeUpload.sent.map((upload) => [upload.url, upload.headers['Content-Type'], decodeURIComponent(upload.headers['X-File-Name']!)])).toEqual([
      ['/attachments?draftTaskId=task-1', 'image/jpeg', '현장.jpg'],
      ['/attachments?draftTaskId=task-1', 'application/pdf', '견적서.pdf'],
      ['/attachments?draftTaskId=task-1', 'image/png', '잘못.png'],
    ]);
    const [photo, pdf, wrong] = FakeUpload.sent;
    photo!.progress(0.4);
    await flushPromises();
    expect(wrapper.findAll('[data-testid="attachment-uploading"]')).toHaveLength(3);
    expect(wrapper.find('[data-testid="attachment-uploading"] progress, [data-testid="attachment-uploading"] [role="progressbar"]').exists()).toBe(true);
    await wrapper.findAll('[data-testid="attachment-cancel"]')[2]!.trigger('click');
    await flushPromises();
    expect(wrapper.text()).not.toContain('잘못.png');
    expect(wrong).toBeDefined();

    // Sending while files are still on their way waits for them.
    await wrapper.find('[data-testid="comment-form"] textarea').setValue('현장 사진과 견적서입니다');
    await wrapper.find('[data-testid="comment-form"]').trigger('submit');
    expect(wrapper.text()).toContain('파일 업로드가 끝난 뒤 보내 주세요.');
    expect(mock.networkOf('AddComment')).toEqual([]);

    photo!.stored('d-photo');
    pdf!.stored('d-pdf');
    await flushPromises();
    const drafts = wrapper.find('[data-testid="comment-drafts"]');
    expect(drafts.find('[data-attachment-id="d-photo"] img').attributes('src')).toBe('/attachments/d-photo/thumbnail');
    expect(drafts.find('[data-attachment-id="d-pdf"]').text()).toContain('견적서.pdf');
    await wrapper.find('[data-testid="comment-form"]').trigger('submit');
    await flushPromises();
    expect(mock.networkOf('AddComment')[0]?.variables.input).toMatchObject({ body: '현장 사진과 견적서입니다', attachmentIds: ['d-photo', 'd-pdf'] });
    expect(wrapper.find('[data-testid="comment-drafts"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-comment-id="c3"] [data-testid="attachment"]')).toHaveLength(2);
    // Posted files are the comment's now: leaving the thread deletes nothing.
    wrapper.unmount();
    expect(mock.networkOf('DeleteAttachment')).toEqual([]);
  });

  it('takes dropped and pasted files, and deletes drafts removed or left behind unposted', async () => {
    const { mock, wrapper } = setup();
    await flushPromises();
    const form = wrapper.find('[data-testid="comment-form"]');
    await form.trigger('drop', { dataTransfer: { files: [sized('배관.png', 'image/png', 100)] } });
    const screenshot = sized('image.png', 'image/png', 120);
    await form.trigger('paste', { clipboardData: { files: [screenshot] } });
    expect(FakeUpload.sent.map((upload) => decodeURIComponent(upload.headers['X-File-Name']!))).toEqual(['배관.png', expect.stringMatching(/^paste-.+\.png$/)]);
    FakeUpload.sent[0]!.stored('d-drop');
    FakeUpload.sent[1]!.stored('d-paste');
    await flushPromises();
    await wrapper.find('[data-attachment-id="d-drop"] [data-testid="attachment-remove"]').trigger('click');
    await flushPromises();
    expect(mock.networkOf('DeleteAttachment').map((call) => call.variables)).toEqual([{ id: 'd-drop' }]);
    wrapper.unmount();
    expect(mock.networkOf('DeleteAttachment').map((call) => call.variables)).toEqual([{ id: 'd-drop' }, { id: 'd-paste' }]);
  });

  it("shows a comment's files with a thumbnail, a preview and a download link", async () => {
    const { wrapper } = setup();
    await flushPromises();
    const file = wrapper.find('[data-comment-id="c1"] [data-attachment-id="f-1"]');
    expect(file.find('[data-testid="attachment-thumbnail"]').attributes('src')).toBe('/attachments/f-1/thumbnail');
    expect(file.find('a').attributes('href')).toBe('/attachments/f-1');
    expect(file.find('[data-testid="attachment-remove"]').exists()).toBe(false);
    await file.find('button').trigger('click');
    expect(wrapper.find('[data-testid="attachment-preview"] img').attributes('src')).toBe('/attachments/f-1');
  });

  it('adds and removes files when the author edits a comment, in the same save', async () => {
    const { mock, wrapper } = setup();
    await flushPromises();
    await wrapper.find('[data-comment-id="c2"] [data-testid="comment-edit"]').trigger('click');
    await pick(wrapper, '[data-comment-id="c2"]', [sized('수정본.pdf', 'application/pdf', 50)]);
    FakeUpload.sent[0]!.stored('d-new');
    await flushPromises();
    await wrapper.find('[data-comment-id="c2"] form').trigger('submit');
    await flushPromises();
    expect(mock.networkOf('EditComment')[0]?.variables).toMatchObject({ id: 'c2', addAttachmentIds: ['d-new'], removeAttachmentIds: null });
    expect(mock.networkOf('DeleteAttachment')).toEqual([]);
  });
});
