import { BigIntType } from '@mikro-orm/core';

/**
 * Money in KRW is an exact integer (bigint column) read as a JS number: totals stay far below
 * 2^53, and the GraphQL `SafeInt` scalar carries them without rounding.
 */
export class KrwType extends BigIntType<'number'> {
  constructor() {
    super('number');
  }
}
