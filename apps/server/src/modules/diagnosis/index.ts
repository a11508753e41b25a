import { DiagnosisResolver, ParticipationDiagnosesResolver } from './diagnosis.resolver.ts';

export { Diagnosis } from './diagnosis.entity.ts';

export const diagnosisResolvers = [DiagnosisResolver, ParticipationDiagnosesResolver] as const;
