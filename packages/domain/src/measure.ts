import type { StatusMachine } from './status-machine.ts';

/** The six kinds of cleaner-production improvement measure named by the program. */
export const MeasureCategory = {
  RAW_MATERIAL_SUBSTITUTION: 'RAW_MATERIAL_SUBSTITUTION',
  OPERATING_CONDITIONS: 'OPERATING_CONDITIONS',
  PROCESS_CHANGE: 'PROCESS_CHANGE',
  ECO_FRIENDLY_PRODUCT: 'ECO_FRIENDLY_PRODUCT',
  ON_SITE_REUSE: 'ON_SITE_REUSE',
  GREEN_MANAGEMENT: 'GREEN_MANAGEMENT',
} as const;
export type MeasureCategory = (typeof MeasureCategory)[keyof typeof MeasureCategory];
export const MEASURE_CATEGORIES = Object.values(MeasureCategory);

export const MeasureStatus = {
  PROPOSED: 'PROPOSED',
  APPROVED: 'APPROVED',
  IN_PROGRESS: 'IN_PROGRESS',
  IMPLEMENTED: 'IMPLEMENTED',
  VERIFIED: 'VERIFIED',
  DROPPED: 'DROPPED',
} as const;
export type MeasureStatus = (typeof MeasureStatus)[keyof typeof MeasureStatus];
export const MEASURE_STATUSES = Object.values(MeasureStatus);

const M = MeasureStatus;
export const measureMachine: StatusMachine<MeasureStatus> = {
  PROPOSED: [M.APPROVED, M.DROPPED],
  APPROVED: [M.IN_PROGRESS, M.DROPPED],
  IN_PROGRESS: [M.IMPLEMENTED, M.DROPPED],
  IMPLEMENTED: [M.VERIFIED, M.IN_PROGRESS],
  VERIFIED: [],
  DROPPED: [M.PROPOSED],
};

/** Statuses that count as "implemented" for the implementation rate. */
export const IMPLEMENTED_MEASURE_STATUSES: readonly MeasureStatus[] = [M.IMPLEMENTED, M.VERIFIED];

/** UNEP cleaner-production screening of an option. */
export const ScreeningClass = {
  DIRECTLY_IMPLEMENTABLE: 'DIRECTLY_IMPLEMENTABLE',
  NEEDS_FURTHER_STUDY: 'NEEDS_FURTHER_STUDY',
  REJECTED: 'REJECTED',
} as const;
export type ScreeningClass = (typeof ScreeningClass)[keyof typeof ScreeningClass];
export const SCREENING_CLASSES = Object.values(ScreeningClass);
