import { extractMentionIds } from '@ecohub/domain';
import { describe, expect, it } from 'vitest';
import { toBody, toDisplay } from './mention-display';

const SU = { name: '이수진', id: '01a24b6a-0000-4000-8000-000000000001' };
const SUJ = { name: '이수', id: '01a24b6a-0000-4000-8000-000000000002' };

describe('mentions while writing', () => {
  it('shows tokens as @name and stores @name back as the same token', () => {
    const body = `@[이수진](person:${SU.id}) 견적 확인 부탁드립니다.`;
    const shown = toDisplay(body);
    expect(shown).toEqual({ text: '@이수진 견적 확인 부탁드립니다.', mentions: [SU] });
    expect(toBody(shown.text, shown.mentions)).toBe(body);
  });

  it('tells apart names that start alike, and leaves an @name nobody chose as text', () => {
    const body = toBody('@이수진, @이수 and @김철수 please check', [SUJ, SU]);
    expect(extractMentionIds(body)).toEqual([SU.id, SUJ.id]);
    expect(body).toContain('@김철수 please');
    expect(toBody('mail@이수진', [SU])).toBe('mail@이수진');
  });
});
