/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...ViewerFields\n  }\n}": typeof types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": typeof types.SignOutDocument,
    "fragment ViewerFields on Person {\n  id\n  name\n  nameEn\n  email\n  role\n  locale\n  company {\n    id\n    nameKo\n    nameEn\n  }\n}\n\nquery Viewer {\n  viewer {\n    ...ViewerFields\n  }\n}": typeof types.ViewerFieldsFragmentDoc,
    "query Programs {\n  programs {\n    id\n    name\n    nameKo\n    nameEn\n    region\n    description\n    durationYears\n    hostOrganization {\n      id\n      nameKo\n      nameEn\n    }\n    years {\n      id\n      number\n      startsOn\n      endsOn\n      budgetLines {\n        id\n        source\n        label\n        plannedKrw\n        spentKrw\n      }\n    }\n  }\n}": typeof types.ProgramsDocument,
};
const documents: Documents = {
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...ViewerFields\n  }\n}": types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": types.SignOutDocument,
    "fragment ViewerFields on Person {\n  id\n  name\n  nameEn\n  email\n  role\n  locale\n  company {\n    id\n    nameKo\n    nameEn\n  }\n}\n\nquery Viewer {\n  viewer {\n    ...ViewerFields\n  }\n}": types.ViewerFieldsFragmentDoc,
    "query Programs {\n  programs {\n    id\n    name\n    nameKo\n    nameEn\n    region\n    description\n    durationYears\n    hostOrganization {\n      id\n      nameKo\n      nameEn\n    }\n    years {\n      id\n      number\n      startsOn\n      endsOn\n      budgetLines {\n        id\n        source\n        label\n        plannedKrw\n        spentKrw\n      }\n    }\n  }\n}": types.ProgramsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...ViewerFields\n  }\n}"): (typeof documents)["mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...ViewerFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut {\n  signOut\n}"): (typeof documents)["mutation SignOut {\n  signOut\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ViewerFields on Person {\n  id\n  name\n  nameEn\n  email\n  role\n  locale\n  company {\n    id\n    nameKo\n    nameEn\n  }\n}\n\nquery Viewer {\n  viewer {\n    ...ViewerFields\n  }\n}"): (typeof documents)["fragment ViewerFields on Person {\n  id\n  name\n  nameEn\n  email\n  role\n  locale\n  company {\n    id\n    nameKo\n    nameEn\n  }\n}\n\nquery Viewer {\n  viewer {\n    ...ViewerFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Programs {\n  programs {\n    id\n    name\n    nameKo\n    nameEn\n    region\n    description\n    durationYears\n    hostOrganization {\n      id\n      nameKo\n      nameEn\n    }\n    years {\n      id\n      number\n      startsOn\n      endsOn\n      budgetLines {\n        id\n        source\n        label\n        plannedKrw\n        spentKrw\n      }\n    }\n  }\n}"): (typeof documents)["query Programs {\n  programs {\n    id\n    name\n    nameKo\n    nameEn\n    region\n    description\n    durationYears\n    hostOrganization {\n      id\n      nameKo\n      nameEn\n    }\n    years {\n      id\n      number\n      startsOn\n      endsOn\n      budgetLines {\n        id\n        source\n        label\n        plannedKrw\n        spentKrw\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;