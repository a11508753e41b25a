import { describe, expect, it } from 'vitest';
import { createFormatters, todayLocalDate } from './useFormat';

describe('formatters', () => {
  const ko = createFormatters('ko');
  const en = createFormatters('en');

  it('write KRW in full and compact, in each language', () => {
    expect(ko.krw(563_000_000)).toBe('₩563,000,000');
    expect(ko.krwCompact(563_000_000)).toBe('₩5.6억');
    expect(en.krwCompact(563_000_000)).toBe('₩563M');
    expect(ko.krw(null)).toBe('—');
  });

  it('write tCO2e with one decimal and numbers with grouping', () => {
    expect(ko.tco2e(3027.84)).toBe('3,027.8 tCO₂e');
    expect(en.integer(12_345)).toBe('12,345');
    expect(en.percent(0.334)).toBe('33%');
  });

  it('never shift a local date across time zones', () => {
    expect(ko.date('2012-11-22')).toBe('2012년 11월 22일');
    expect(en.date('2012-11-22')).toBe('Nov 22, 2012');
    expect(en.weekday('2012-11-22')).toBe('Thu');
  });

  it('say how long ago something happened', () => {
    const now = Date.parse('2012-11-22T10:00:00Z');
    expect(ko.relative('2012-11-22T09:57:00Z', now)).toBe('3분 전');
    expect(en.relative('2012-11-21T10:00:00Z', now)).toBe('yesterday');
  });

  it('give today as a LocalDate', () => {
    expect(todayLocalDate(new Date(2013, 6, 31, 23, 59))).toBe('2013-07-31');
  });
});
