import { EmissionFactorResolver, MeasureResolver } from './measure.resolver.ts';

export { EmissionFactor } from './emission-factor.entity.ts';
export { Measure } from './measure.entity.ts';
export { ghgFactorJoins, ghgTco2eSql } from './measure-ghg.sql.ts';
export { MEASURE_EVENTS, MeasureChange, MeasureChangeKind, measureTopic } from './measure.topics.ts';
export { createMeasure } from './measure.service.ts';
export { MEASURE_PAGE } from './measure.queries.ts';

export const measureResolvers = [MeasureResolver, EmissionFactorResolver] as const;
