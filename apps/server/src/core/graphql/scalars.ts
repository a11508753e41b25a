import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateTimeISOResolver, LocalDateResolver, SafeIntResolver } from 'graphql-scalars';

const LOCAL_DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Calendar dates (YYYY-MM-DD) stay strings end to end: no time zone can shift a due date.
 * Inputs are checked in full (graphql-scalars); outgoing dates come from PostgreSQL `date`
 * columns, valid by construction, so only their shape is checked: the library's round trip
 * through a Date for each one cost more than everything else a task row's field needs.
 */
export const LocalDate = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  serialize(value) {
    if (typeof value !== 'string' || !LOCAL_DATE_FORMAT.test(value)) throw new GraphQLError(`Value is not a valid LocalDate: ${String(value)}`);
    return value;
  },
});
/** Instants, serialized as ISO 8601 in UTC. */
export const DateTime = DateTimeISOResolver;
/** KRW amounts and other exact integers beyond GraphQL Int's 32 bits. */
export const SafeInt = SafeIntResolver;
