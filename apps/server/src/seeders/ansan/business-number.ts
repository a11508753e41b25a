import { formatBusinessNumber, isValidBusinessNumber } from '@ecohub/domain';

/** 안산세무서's office code opens every Ansan business registration number. */
const ANSAN_TAX_OFFICE = '134';
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/**
 * A registration number with a valid check digit: tax office, a two-digit kind (81/86/87 are
 * incorporated head offices) and a four-digit serial, then the check digit.
 */
export function businessNumber(kind: number, serial: number): string {
  const body = `${ANSAN_TAX_OFFICE}${String(kind).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
  const digits = [...body].map(Number);
  let sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * (digits[i] as number), 0);
  sum += Math.floor(((digits[8] as number) * 5) / 10);
  const number = formatBusinessNumber(`${body}${(10 - (sum % 10)) % 10}`);
  if (!isValidBusinessNumber(number)) throw new Error(`generated an invalid business number ${number}`);
  return number;
}
