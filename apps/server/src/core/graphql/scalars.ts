import { DateTimeISOResolver, LocalDateResolver, SafeIntResolver } from 'graphql-scalars';

/** Calendar dates (YYYY-MM-DD) stay strings end to end: no time zone can shift a due date. */
export const LocalDate = LocalDateResolver;
/** Instants, serialized as ISO 8601 in UTC. */
export const DateTime = DateTimeISOResolver;
/** KRW amounts and other exact integers beyond GraphQL Int's 32 bits. */
export const SafeInt = SafeIntResolver;
