import { ErrorCode } from '@ecohub/domain';
import { GraphQLError } from 'graphql';

/** `extensions.reason` of the CONFLICT that tells a subscriber to refetch, then subscribe again. */
export const RESYNC_REQUIRED = 'RESYNC_REQUIRED';

/** Why a subscriber must resync (`extensions.detail`): logged, and shown to developers. */
export type ResyncDetail =
  /** `since` is below what retention kept. */
  | 'SINCE_PRUNED'
  /** `since` is above the end of the outbox (another database, say). */
  | 'SINCE_AHEAD'
  /** Rows were pruned while the replay was paging through them. */
  | 'EVENTS_PRUNED'
  /** An event failed to render several times while the database answered. */
  | 'RENDER_FAILED';

export function resyncRequired(message: string, detail: ResyncDetail): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, reason: RESYNC_REQUIRED, detail } });
}

/** The description of every live event's `seq` field. */
export const SEQ_DESCRIPTION =
  'Position of the event in the global, gap-tolerant, increasing event order. Pass the last one seen as `since` when subscribing again to receive exactly what was missed';
