import { Arg, Ctx, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { reportPresence, watchPresence } from './presence.service.ts';
import { PresenceState, PresenceTopicInput, PresenceUpdate } from './presence.topics.ts';

@Resolver()
export class PresenceResolver {
  @Subscription(() => PresenceUpdate, {
    description:
      'Who else is on a page (a board, a company, a task, a measure) and what they do, sent at once and on every change; ' +
      'the subscriber counts as VIEWING while subscribed. Ephemeral: not in the history nor resumable. Someone whose tab closed is gone within 30 s. ' +
      'On a company, task or measure page it ends with FORBIDDEN (`extensions.reason` ACCESS_CHANGED) once the viewer no longer sees that company',
    subscribe: ({ args, context }) => watchPresence(context as GraphQLContext, (args as { topic: PresenceTopicInput }).topic),
  })
  presence(@Root() update: PresenceUpdate, @Arg('topic', () => PresenceTopicInput) _topic: PresenceTopicInput): PresenceUpdate {
    return update;
  }

  @Mutation(() => Boolean, { description: 'Tells the page the viewer is EDITING or TYPING (or VIEWING again); lasts 25 s unless reported again' })
  reportPresence(
    @Arg('topic', () => PresenceTopicInput) topic: PresenceTopicInput,
    @Arg('state', () => PresenceState) state: PresenceState,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return reportPresence(ctx, topic, state);
  }
}
