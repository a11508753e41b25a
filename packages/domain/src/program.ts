export const FundingSource = {
  GOVERNMENT: 'GOVERNMENT',
  CITY: 'CITY',
  COMPANY: 'COMPANY',
  HOST: 'HOST',
  OTHER: 'OTHER',
} as const;
export type FundingSource = (typeof FundingSource)[keyof typeof FundingSource];
export const FUNDING_SOURCES = Object.values(FundingSource);

export const OrganizationKind = {
  MINISTRY: 'MINISTRY',
  AGENCY: 'AGENCY',
  LOCAL_GOVERNMENT: 'LOCAL_GOVERNMENT',
  HOST_FIRM: 'HOST_FIRM',
  ASSOCIATION: 'ASSOCIATION',
} as const;
export type OrganizationKind = (typeof OrganizationKind)[keyof typeof OrganizationKind];
export const ORGANIZATION_KINDS = Object.values(OrganizationKind);

export const DiagnosisKind = {
  INITIAL: 'INITIAL',
  DETAILED: 'DETAILED',
} as const;
export type DiagnosisKind = (typeof DiagnosisKind)[keyof typeof DiagnosisKind];
export const DIAGNOSIS_KINDS = Object.values(DiagnosisKind);

export const EventKind = {
  KICKOFF: 'KICKOFF',
  WORKSHOP: 'WORKSHOP',
  ECO_CLUB: 'ECO_CLUB',
  TRAINING: 'TRAINING',
  SITE_VISIT: 'SITE_VISIT',
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];
export const EVENT_KINDS = Object.values(EventKind);

export const CommentVisibility = {
  /** Seen by the company's staff as well as the experts and managers. */
  SHARED: 'SHARED',
  /** Only the expert team and managers: consultants discuss before they tell the client. */
  INTERNAL: 'INTERNAL',
} as const;
export type CommentVisibility = (typeof CommentVisibility)[keyof typeof CommentVisibility];
export const COMMENT_VISIBILITIES = Object.values(CommentVisibility);
