import { EmissionFactorKind } from '@ecohub/domain';
import { EmissionFactor } from '../../modules/measure/index.ts';
import { EMISSION_FACTORS } from './emission-factors.data.ts';
import type { SeedContext } from './seed-context.ts';

export type FactorSet = Record<EmissionFactorKind, EmissionFactor>;

/** Seeds the published factors and returns the ones year-1 measures record (valid in 2012). */
export function seedEmissionFactors({ em }: SeedContext): { factors: EmissionFactor[]; yearOne: FactorSet } {
  const factors = EMISSION_FACTORS.map((data) => em.create(EmissionFactor, { ...data }));
  const validIn2012 = (kind: EmissionFactorKind) => {
    const factor = factors.find((f) => f.kind === kind && f.validFromYear <= 2012 && f.validToYear >= 2012);
    if (!factor) throw new Error(`no ${kind} emission factor for 2012`);
    return factor;
  };
  return {
    factors,
    yearOne: {
      ELECTRICITY: validIn2012(EmissionFactorKind.ELECTRICITY),
      LNG: validIn2012(EmissionFactorKind.LNG),
      WATER: validIn2012(EmissionFactorKind.WATER),
    },
  };
}
