import { ErrorCode } from '@ecohub/domain';
import {
  BREAK,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLID,
  isInputObjectType,
  isListType,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Checks every string an operation carries, in its variables and in the document's literals,
 * before any resolver runs (so before PostgreSQL, the sign-in throttle or a log line sees it):
 * PostgreSQL rejects the NUL character in text, an id is a short token, never a megabyte, and no
 * text is longer than MAX_TEXT_LENGTH.
 * Types come from the schema, so an `ID` inside an input object or a list is checked too.
 */
export const MAX_ID_LENGTH = 64;
/** No text input is this long (the longest, a description, is LIMITS.longText): a safety net. */
export const MAX_TEXT_LENGTH = 100_000;

/** At most this many characters of a client's value are ever repeated back in an error. */
const ECHO = 40;

export function echo(value: string): string {
  return value.length > ECHO ? `${value.slice(0, ECHO)}…` : value;
}

function inputError(message: string, field: string, rule: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, violations: [{ field, rule, message }], http: { status: 400 } },
  });
}

function checkString(value: string, type: GraphQLInputType | null | undefined, field: string): GraphQLError | null {
  if (value.includes('\u0000')) return inputError(`${field} contains the NUL character (\\u0000), which text may not contain`, field, 'noNulCharacter');
  if (type && getNamedType(type) === GraphQLID && value.length > MAX_ID_LENGTH) {
    return inputError(`${field} is not a valid id (at most ${MAX_ID_LENGTH} characters)`, field, 'invalidId');
  }
  if (value.length > MAX_TEXT_LENGTH) return inputError(`${field} is too long (at most ${MAX_TEXT_LENGTH} characters)`, field, 'tooLong');
  return null;
}

/** A variable's value against its declared type; values of the wrong shape are left to coercion. */
function checkValue(value: unknown, type: GraphQLInputType | undefined, field: string, depth = 0): GraphQLError | null {
  if (depth > 50) return null;
  if (typeof value === 'string') return checkString(value, type, field);
  const inner = type ? getNullableType(type) : undefined;
  if (Array.isArray(value)) {
    const item = inner && isListType(inner) ? (inner.ofType as GraphQLInputType) : undefined;
    for (const [index, entry] of value.entries()) {
      const error = checkValue(entry, item, `${field}[${index}]`, depth + 1);
      if (error) return error;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    for (const [key, entry] of Object.entries(value)) {
      const keyError = checkString(key, undefined, `${field}.${echo(key)}`);
      if (keyError) return keyError;
      const error = checkValue(entry, fields[key]?.type, `${field}.${key}`, depth + 1);
      if (error) return error;
    }
  }
  return null;
}

export function inputErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError | null {
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const error = checkValue(variables[name], type, `$${name}`);
    if (error) return error;
  }
  let verdicts = literalVerdicts.get(schema);
  if (!verdicts) literalVerdicts.set(schema, (verdicts = new WeakMap()));
  let found = verdicts.get(document);
  if (found === undefined) verdicts.set(document, (found = literalError(schema, document)));
  // A fresh error per request: the answer's error is formatted for its own request.
  return found && new GraphQLError(found.message, { extensions: found.extensions });
}

/**
 * A document's literals never change, and the same text comes back as the same DocumentNode
 * (Apollo's document store, the websocket's document cache): each is walked once, not per request.
 */
const literalVerdicts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, GraphQLError | null>>();

function literalError(schema: GraphQLSchema, document: DocumentNode): GraphQLError | null {
  let found: GraphQLError | null = null;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      StringValue(node) {
        const argument = typeInfo.getArgument()?.name;
        found ??= checkString(node.value, typeInfo.getInputType(), argument ?? 'a text value');
        return found ? BREAK : undefined;
      },
    }),
  );
  return found;
}
