import { describe, expect, it } from 'vitest';
import { createFormatters, fromProgramDateTime, todayLocalDate, toProgramDateTime } from './useFormat';

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

  it('give today as a LocalDate on the program calendar (Seoul), whatever the device zone', () => {
    expect(todayLocalDate(new Date('2013-07-31T14:59:00Z'))).toBe('2013-07-31');
    expect(todayLocalDate(new Date('2013-07-31T15:00:00Z'))).toBe('2013-08-01');
  });

  it('show event times in the program time zone and convert form input both ways', () => {
    // The 14:00 kick-off in Ansan is 05:00 UTC.
    expect(en.time('2012-11-22T05:00:00Z')).toBe('2:00 PM');
    expect(ko.time('2012-11-22T05:00:00Z')).toBe('오후 2:00');
    expect(toProgramDateTime('2012-11-22T05:00:00Z')).toBe('2012-11-22T14:00');
    expect(fromProgramDateTime('2012-11-22T14:00')).toBe('2012-11-22T05:00:00.000Z');
    expect(fromProgramDateTime('22/11/2012 14:00')).toBeNull();
  });
});
