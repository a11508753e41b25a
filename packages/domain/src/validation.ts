/**
 * Input rules both apps apply: the client to show the error beside the field, the server to
 * reject with BAD_USER_INPUT. Each returns a message key (for the locale files) or null.
 */
/** `params` carry the limits a message states (`max` characters, `min`–`max` range). */
export type Violation = { field: string; rule: string; message: string; params?: Record<string, number> };

export const LIMITS = {
  shortText: 200,
  longText: 20_000,
  commentBody: 10_000,
  /** Files posted with one comment. */
  commentFiles: 10,
  maxKrw: 1_000_000_000_000,
  maxQuantity: 1_000_000_000,
  pageSize: 200,
  password: { min: 10, max: 200 },
} as const;

/** Korean business registration number: 10 digits (XXX-XX-XXXXX) with a check digit. */
export function isValidBusinessNumber(value: string): boolean {
  const digits = value.replace(/-/g, '');
  if (!/^\d{10}$/.test(digits) || !/^(\d{3}-\d{2}-\d{5}|\d{10})$/.test(value)) return false;
  const d = [...digits].map(Number);
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = weights.reduce((acc, w, i) => acc + w * (d[i] as number), 0);
  sum += Math.floor(((d[8] as number) * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}

export function formatBusinessNumber(value: string): string {
  const digits = value.replace(/-/g, '');
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export class Validator {
  readonly violations: Violation[] = [];

  text(field: string, value: string | null | undefined, opts: { min?: number; max: number; required?: boolean }): this {
    if (value === undefined || value === null) {
      if (opts.required) this.add(field, 'required', `${field} is required`);
      return this;
    }
    const length = value.trim().length;
    if (opts.required && length === 0) this.add(field, 'required', `${field} is required`);
    else if ((opts.required || opts.min) && length < (opts.min ?? 1))
      this.add(field, 'tooShort', `${field} must have at least ${opts.min ?? 1} characters`, { min: opts.min ?? 1 });
    if (value.length > opts.max) this.add(field, 'tooLong', `${field} must have at most ${opts.max} characters`, { max: opts.max });
    return this;
  }

  range(field: string, value: number | null | undefined, min: number, max: number, integer = false): this {
    if (value === undefined || value === null) return this;
    // "abc" and −5,000,000 are different mistakes: one is not a number, the other is below the minimum.
    if (!Number.isFinite(value)) this.add(field, 'notANumber', `${field} must be a number`);
    else if (value < min || value > max) this.add(field, 'outOfRange', `${field} must be between ${min} and ${max}`, { min, max });
    else if (integer && !Number.isInteger(value)) this.add(field, 'notInteger', `${field} must be a whole number`);
    return this;
  }

  krw(field: string, value: number | null | undefined): this {
    return this.range(field, value, 0, LIMITS.maxKrw, true);
  }

  quantity(field: string, value: number | null | undefined): this {
    return this.range(field, value, 0, LIMITS.maxQuantity);
  }

  date(field: string, value: string | null | undefined): this {
    if (value !== undefined && value !== null && !isIsoDate(value))
      this.add(field, 'invalidDate', `${field} must be a date like 2012-11-22`);
    return this;
  }

  dateOrder(field: string, start: string | null | undefined, end: string | null | undefined): this {
    if (start && end && isIsoDate(start) && isIsoDate(end) && end < start)
      this.add(field, 'endBeforeStart', `${field} must not be before the start`);
    return this;
  }

  check(field: string, ok: boolean, rule: string, message: string): this {
    if (!ok) this.add(field, rule, message);
    return this;
  }

  private add(field: string, rule: string, message: string, params?: Record<string, number>): void {
    this.violations.push({ field, rule, message, ...(params ? { params } : {}) });
  }
}
