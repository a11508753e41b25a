import {
  CommentVisibility,
  DiagnosisKind,
  EmissionFactorKind,
  EventKind,
  FollowUpOutcome,
  FundingSource,
  MeasureCategory,
  MeasureStatus,
  OrganizationKind,
  ParticipationStatus,
  Role,
  ScreeningClass,
  Specialty,
  TaskPriority,
  TaskStatus,
} from '@ecohub/domain';
import { registerEnumType } from 'type-graphql';

/** The domain's enums, registered once under their GraphQL names. */
const enums = {
  CommentVisibility,
  DiagnosisKind,
  EmissionFactorKind,
  EventKind,
  FollowUpOutcome,
  FundingSource,
  MeasureCategory,
  MeasureStatus,
  OrganizationKind,
  ParticipationStatus,
  Role,
  ScreeningClass,
  Specialty,
  TaskPriority,
  TaskStatus,
};

let registered = false;

export function registerDomainEnums(): void {
  if (registered) return;
  registered = true;
  for (const [name, values] of Object.entries(enums)) registerEnumType(values, { name });
}
