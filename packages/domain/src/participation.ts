import type { StatusMachine } from './status-machine.ts';

/** A company's path through one program year. */
export const ParticipationStatus = {
  APPLIED: 'APPLIED',
  INITIALLY_DIAGNOSED: 'INITIALLY_DIAGNOSED',
  SELECTED: 'SELECTED',
  NOT_SELECTED: 'NOT_SELECTED',
  AGREEMENT_SIGNED: 'AGREEMENT_SIGNED',
  ACTIVE: 'ACTIVE',
  COMPLETED: 'COMPLETED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type ParticipationStatus = (typeof ParticipationStatus)[keyof typeof ParticipationStatus];
export const PARTICIPATION_STATUSES = Object.values(ParticipationStatus);

const S = ParticipationStatus;
export const participationMachine: StatusMachine<ParticipationStatus> = {
  APPLIED: [S.INITIALLY_DIAGNOSED, S.WITHDRAWN],
  INITIALLY_DIAGNOSED: [S.SELECTED, S.NOT_SELECTED, S.WITHDRAWN],
  SELECTED: [S.AGREEMENT_SIGNED, S.WITHDRAWN],
  NOT_SELECTED: [],
  AGREEMENT_SIGNED: [S.ACTIVE, S.WITHDRAWN],
  ACTIVE: [S.COMPLETED, S.WITHDRAWN],
  COMPLETED: [],
  WITHDRAWN: [],
};

/** Stages in which a company counts as a participant of the year (board rows, KPIs). */
export const PARTICIPATING_STATUSES: readonly ParticipationStatus[] = [
  S.SELECTED,
  S.AGREEMENT_SIGNED,
  S.ACTIVE,
  S.COMPLETED,
];
