import { ErrorCode } from '@ecohub/domain';
import {
  BREAK,
  coerceInputValue,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLID,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
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

interface InputViolation {
  field: string;
  rule: string;
  message: string;
}

function inputError(message: string, field: string, rule: string, more: InputViolation[] = []): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, violations: [{ field, rule, message }, ...more], http: { status: 400 } },
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

/** The type found at `path` inside a value of `type` (list indexes and input fields); null past a leaf. */
function typeAtPath(type: GraphQLInputType, path: readonly (string | number)[]): GraphQLInputType | null {
  let current: GraphQLInputType = type;
  for (const key of path) {
    const inner = getNullableType(current);
    if (typeof key === 'number' && isListType(inner)) current = inner.ofType as GraphQLInputType;
    else if (typeof key === 'string' && isInputObjectType(inner) && inner.getFields()[key]) current = inner.getFields()[key]!.type;
    else return null;
  }
  return current;
}

/**
 * Variables whose value does not fit their declared type, for production answers: graphql-js's
 * own coercion message quotes the value (`got invalid value "…"`, `Value "…" does not exist in
 * … enum`, an unknown field's name), which repeats the client's input back. Here each problem
 * names the variable, where in it, and the type expected there, and nothing of the value. Every
 * problem is listed in `extensions.violations`; the message is the first. Variables not given
 * are left to graphql-js (default values, "was not provided": nothing to echo).
 */
export function coercionError(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): GraphQLError | null {
  const violations = new Map<string, InputViolation>();
  const add = (field: string, rule: string, message: string) => violations.set(`${field}:${rule}`, { field, rule, message });
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    // An unknown or output type is a validation error, reported before this runs.
    if (!type || !isInputType(type) || !Object.hasOwn(variables, name)) continue;
    coerceInputValue(variables[name], type, (path, invalid) => {
      const field = `$${name}${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')}`;
      const expected = typeAtPath(type, path) ?? type;
      const object = getNullableType(expected);
      // Missing and unknown fields are reported against their object: name the missing field
      // from the schema, but not the unknown one (its name is the client's text).
      if (isInputObjectType(object) && invalid !== null && typeof invalid === 'object' && !Array.isArray(invalid)) {
        const given = invalid as Record<string, unknown>;
        const fields = object.getFields();
        let named = false;
        for (const missing of Object.values(fields).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined && given[f.name] === undefined)) {
          add(`${field}.${missing.name}`, 'required', `Variable "${field}.${missing.name}" was not provided; expected type "${String(missing.type)}"`);
          named = true;
        }
        if (Object.keys(given).some((key) => !fields[key])) {
          add(field, 'unknownField', `Variable "${field}" has a field that type "${object.name}" does not define`);
          named = true;
        }
        if (named) return;
      }
      add(field, 'invalidType', `Variable "${field}" got an invalid value; expected type "${String(expected)}"`);
    });
  }
  const [first, ...more] = violations.values();
  return first ? inputError(first.message, first.field, first.rule, more) : null;
}
