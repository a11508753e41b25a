import type { PubSub } from 'type-graphql';

/**
 * type-graphql insists on a PubSub as soon as the schema has subscriptions, even when each
 * subscription brings its own `subscribe`. Ours all do (events come from the outbox through
 * core/realtime, never from an in-process pub/sub), so topic-based ones are a programming error.
 */
export const noTopicPubSub: PubSub = {
  publish() {
    throw new Error('Publish through the outbox (inTransaction + changes.record), not a PubSub');
  },
  subscribe() {
    throw new Error('Subscriptions read the outbox: use @Subscription({ subscribe }) with Realtime.subscribe');
  },
};
