import { ParticipationStatus } from '@ecohub/domain';
import type { Participation } from './participation.entity.ts';

type StepDateField =
  | 'appliedOn'
  | 'initiallyDiagnosedOn'
  | 'selectedOn'
  | 'notSelectedOn'
  | 'agreementSignedOn'
  | 'activeOn'
  | 'completedOn'
  | 'withdrawnOn';

/** The date field each status stamps when a participation reaches it. */
export const STEP_DATE_FIELD: Record<ParticipationStatus, StepDateField> = {
  [ParticipationStatus.APPLIED]: 'appliedOn',
  [ParticipationStatus.INITIALLY_DIAGNOSED]: 'initiallyDiagnosedOn',
  [ParticipationStatus.SELECTED]: 'selectedOn',
  [ParticipationStatus.NOT_SELECTED]: 'notSelectedOn',
  [ParticipationStatus.AGREEMENT_SIGNED]: 'agreementSignedOn',
  [ParticipationStatus.ACTIVE]: 'activeOn',
  [ParticipationStatus.COMPLETED]: 'completedOn',
  [ParticipationStatus.WITHDRAWN]: 'withdrawnOn',
};

/** The date the participation reached its current status. */
export function currentStepDate(participation: Participation): string {
  return participation[STEP_DATE_FIELD[participation.status as ParticipationStatus]] ?? participation.appliedOn;
}
