// @vitest-environment jsdom
// DOMPurify is only sound on a spec-complete DOM; happy-dom stops its walk after the first removal.
import { mentionToken } from '@ecohub/domain';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders ordinary markdown', () => {
    const html = renderMarkdown('**폐수** 처리 _공정_\n\n- 하나\n- 둘');
    expect(html).toContain('<strong>폐수</strong>');
    expect(html).toContain('<em>공정</em>');
    expect(html).toContain('<li>하나</li>');
  });

  it('closes bold next to Korean text and parentheses, in list items too', () => {
    const html = renderMarkdown('- **세척(수세)**공정에서 물 사용이 큽니다\n- **도금**: 전력');
    expect(html).toContain('<li><strong>세척(수세)</strong>공정에서 물 사용이 큽니다</li>');
    expect(html).toContain('<li><strong>도금</strong>: 전력</li>');
    expect(html).not.toContain('**');
  });

  it('neutralises script tags and event-handler attributes', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))');
    const container = document.createElement('div');
    container.innerHTML = html;
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    // The payload is shown as text, so the reader sees what was written.
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('turns mentions into chips that carry the person id, not links', () => {
    const html = renderMarkdown(`확인 부탁드립니다 ${mentionToken('이수진', 'p-1')}`);
    const container = document.createElement('div');
    container.innerHTML = html;
    const chip = container.querySelector('.mention');
    expect(chip?.getAttribute('data-person-id')).toBe('p-1');
    expect(chip?.textContent).toBe('@이수진');
    expect(container.textContent).toBe('확인 부탁드립니다 @이수진\n');
    expect(container.querySelector('a')).toBeNull();
  });

  it('opens real links in a new tab without giving the opener away', () => {
    const container = document.createElement('div');
    container.innerHTML = renderMarkdown('https://www.kitech.re.kr');
    const link = container.querySelector('a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toContain('noopener');
  });
});
