export { EmissionFactor } from './emission-factor.entity.ts';
export { Measure } from './measure.entity.ts';
