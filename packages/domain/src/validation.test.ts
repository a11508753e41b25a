import { describe, expect, it } from 'vitest';
import { formatBusinessNumber, isIsoDate, isValidBusinessNumber, isValidEmail, Validator } from './validation.ts';
import { extractMentionIds, mentionToken } from './mentions.ts';

describe('isValidBusinessNumber', () => {
  it('accepts a number whose check digit matches, with or without dashes', () => {
    expect(isValidBusinessNumber('220-81-62517')).toBe(true);
    expect(isValidBusinessNumber('2208162517')).toBe(true);
  });

  it('rejects a wrong check digit, wrong length or misplaced dashes', () => {
    expect(isValidBusinessNumber('220-81-62518')).toBe(false);
    expect(isValidBusinessNumber('220-81-6251')).toBe(false);
    expect(isValidBusinessNumber('22-081-62517')).toBe(false);
  });

  it('formats as XXX-XX-XXXXX', () => {
    expect(formatBusinessNumber('2208162517')).toBe('220-81-62517');
  });
});

describe('dates and emails', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2012-11-22')).toBe(true);
    expect(isIsoDate('2013-02-29')).toBe(false);
    expect(isIsoDate('22/11/2012')).toBe(false);
  });

  it('checks email shape', () => {
    expect(isValidEmail('staff@hanilplating.co.kr')).toBe(true);
    expect(isValidEmail('not an email')).toBe(false);
  });
});

describe('Validator', () => {
  it('collects every violation with its field', () => {
    const v = new Validator()
      .text('title', '', { max: 200, required: true })
      .krw('investmentKrw', -1)
      .krw('expectedAnnualSavingsKrw', Number.NaN)
      .krw('savingsKrw', 1.5)
      .date('dueOn', '2013-13-01')
      .dateOrder('endsOn', '2013-07-31', '2012-10-01');
    expect(v.violations.map((x) => `${x.field}:${x.rule}`)).toEqual([
      'title:required',
      'investmentKrw:outOfRange',
      'expectedAnnualSavingsKrw:notANumber',
      'savingsKrw:notInteger',
      'dueOn:invalidDate',
      'endsOn:endBeforeStart',
    ]);
  });

  it('states the limits a message shows', () => {
    const v = new Validator().krw('investmentKrw', -5_000_000).text('title', 'x'.repeat(201), { max: 200 });
    expect(v.violations.map((x) => x.params)).toEqual([{ min: 0, max: 1_000_000_000_000 }, { max: 200 }]);
  });

  it('passes valid input', () => {
    expect(new Validator().text('title', '폐수 재이용', { max: 200, required: true }).krw('x', 563_000_000).violations).toEqual([]);
  });
});

describe('mentions', () => {
  it('round-trips a mention token and de-duplicates ids', () => {
    const body = `${mentionToken('박성훈', 'p-1')} 확인 부탁드립니다. ${mentionToken('이수진', 'p-2')} ${mentionToken('박성훈', 'p-1')}`;
    expect(extractMentionIds(body)).toEqual(['p-1', 'p-2']);
  });

  it('strips brackets from display names so the token stays parseable', () => {
    expect(extractMentionIds(mentionToken('Kim [QA]', 'abc'))).toEqual(['abc']);
  });
});
