import { DiagnosisResolver, ParticipationDiagnosesResolver } from './diagnosis.resolver.ts';

export { Diagnosis } from './diagnosis.entity.ts';
export { DiagnosisChange, diagnosisTopic, type DiagnosisEventPayload } from './diagnosis.topics.ts';

export const diagnosisResolvers = [DiagnosisResolver, ParticipationDiagnosesResolver] as const;
