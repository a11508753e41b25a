import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { resolvers } from '../../modules/resolvers.ts';
import { noTopicPubSub } from '../realtime/no-topic-pub-sub.ts';
import { registerDomainEnums } from './enums.ts';

let cached: Promise<GraphQLSchema> | null = null;

/** The schema is the same for every server in a process: build it once. */
export function buildEcoHubSchema(): Promise<GraphQLSchema> {
  registerDomainEnums();
  // type-graphql wraps every plain field in a resolver that reads `root[name]` through its
  // middleware runner: an object and three calls per field of every row, for nothing here (no
  // middlewares, no auth checker). Simple resolvers leave those fields to graphql-js's default
  // resolver, which reads the same property; field resolvers are unaffected.
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
  cached ??= buildSchema({
    resolvers: resolvers as unknown as NonEmptyArray<Function>,
    validate: false,
    pubSub: noTopicPubSub,
  });
  return cached;
}

/** The committed contract with the web client (apps/server/schema.graphql). */
export async function printEcoHubSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildEcoHubSchema()))}\n`;
}
