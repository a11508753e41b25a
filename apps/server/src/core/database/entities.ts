import { ActivityEntry } from '../../modules/activity/index.ts';
import { Attachment } from '../../modules/attachment/index.ts';
import { Comment } from '../../modules/comment/index.ts';
import { Company } from '../../modules/company/index.ts';
import { Diagnosis } from '../../modules/diagnosis/index.ts';
import { Attendance, ProgramEvent } from '../../modules/event/index.ts';
import { FollowUpAnswer, FollowUpPlan, FollowUpRequest } from '../../modules/follow-up/index.ts';
import { Invitation, LoginAttempt, Session, SignInLink } from '../../modules/identity/index.ts';
import { EmissionFactor, Measure } from '../../modules/measure/index.ts';
import { MailMessage } from '../../modules/mail/index.ts';
import { Notification, NotificationPreference } from '../../modules/notification/index.ts';
import { Participation } from '../../modules/participation/index.ts';
import { Person } from '../../modules/people/index.ts';
import { BudgetLine, Organization, Program, ProgramYear } from '../../modules/program/index.ts';
import { Task } from '../../modules/task/index.ts';
import { ExpertTeam, TeamMembership } from '../../modules/team/index.ts';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity.ts';
import { OutboxEvent } from '../realtime/outbox-event.entity.ts';

/** Every entity, listed explicitly: discovery by glob does not work for .ts sources under tsx. */
export const entities = [
  Organization,
  Program,
  ProgramYear,
  BudgetLine,
  Company,
  Person,
  ExpertTeam,
  TeamMembership,
  Participation,
  Diagnosis,
  EmissionFactor,
  Measure,
  Task,
  Comment,
  Attachment,
  ProgramEvent,
  Attendance,
  ActivityEntry,
  Notification,
  FollowUpPlan,
  FollowUpRequest,
  FollowUpAnswer,
  NotificationPreference,
  MailMessage,
  Session,
  Invitation,
  SignInLink,
  LoginAttempt,
  OutboxEvent,
  IdempotencyKey,
];
