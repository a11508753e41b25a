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
    "subscription ActivityAdded($companyId: ID, $since: SafeInt) {\n  activityAdded(companyId: $companyId, since: $since) {\n    seq\n    entry {\n      id\n      action\n      entityType\n      entityId\n    }\n  }\n}": typeof types.ActivityAddedDocument,
    "fragment ActivityEntryFields on ActivityEntry {\n  id\n  action\n  entityType\n  entityId\n  summary\n  createdAt\n  actor {\n    id\n    name\n    nameEn\n  }\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  changes {\n    field\n    from\n    to\n  }\n}": typeof types.ActivityEntryFieldsFragmentDoc,
    "query Activity($filter: ActivityFilter, $first: Int!, $after: String) {\n  liveSequence\n  activity(filter: $filter, first: $first, after: $after) {\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...ActivityEntryFields\n      }\n    }\n  }\n}": typeof types.ActivityDocument,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...ViewerFields\n  }\n}": typeof types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": typeof types.SignOutDocument,
    "fragment ViewerFields on Person {\n  id\n  name\n  nameEn\n  email\n  role\n  locale\n  company {\n    id\n    nameKo\n    nameEn\n  }\n}\n\nquery Viewer {\n  viewer {\n    ...ViewerFields\n  }\n}": typeof types.ViewerFieldsFragmentDoc,
    "query CompanyDiagnoses($companyId: ID!) {\n  diagnoses(filter: {companyId: $companyId}, first: 50) {\n    edges {\n      node {\n        id\n        kind\n        conductedOn\n        findings\n        processesExamined\n        electricityKwhPerYear\n        lngNm3PerYear\n        waterM3PerYear\n        wastewaterM3PerYear\n        wasteTPerYear\n        rawMaterialsTPerYear\n        version\n        leadExpert {\n          id\n          name\n          nameEn\n        }\n      }\n    }\n  }\n}": typeof types.CompanyDiagnosesDocument,
    "query CompanyOptions($programYearId: ID) {\n  companies(filter: {programYearId: $programYearId}, first: 200) {\n    edges {\n      node {\n        id\n        nameKo\n        nameEn\n      }\n    }\n  }\n}": typeof types.CompanyOptionsDocument,
    "fragment ParticipationFields on Participation {\n  id\n  status\n  version\n  appliedOn\n  initiallyDiagnosedOn\n  selectedOn\n  notSelectedOn\n  agreementSignedOn\n  activeOn\n  completedOn\n  withdrawnOn\n  contributionKrw\n  note\n  programYear {\n    id\n    number\n    startsOn\n    endsOn\n  }\n  team {\n    id\n    name\n    focus\n    lead {\n      id\n      name\n      nameEn\n    }\n    members {\n      id\n      specialty\n      person {\n        id\n        name\n        nameEn\n        role\n        email\n        jobTitle\n      }\n    }\n  }\n}\n\nquery CompanyParticipation($companyId: ID!) {\n  liveSequence\n  company(id: $companyId) {\n    id\n    participations {\n      ...ParticipationFields\n    }\n    staff {\n      id\n      name\n      nameEn\n      email\n      jobTitle\n    }\n  }\n}\n\nmutation TransitionParticipation($input: TransitionParticipationInput!) {\n  transitionParticipation(input: $input) {\n    ...ParticipationFields\n  }\n}": typeof types.ParticipationFieldsFragmentDoc,
    "query CompanyPeople($companyId: ID!) {\n  company(id: $companyId) {\n    id\n    staff {\n      id\n      name\n      nameEn\n      role\n    }\n    participations {\n      id\n      programYear {\n        id\n        number\n      }\n      team {\n        id\n        name\n        members {\n          id\n          person {\n            id\n            name\n            nameEn\n            role\n          }\n        }\n      }\n    }\n  }\n}": typeof types.CompanyPeopleDocument,
    "query CompanyWorkspace($id: ID!) {\n  company(id: $id) {\n    id\n    nameKo\n    nameEn\n    businessNumber\n    industryCode\n    industryLabel\n    industrialComplex\n    address\n    employees\n    ceoName\n    contactName\n    contactEmail\n    contactPhone\n    version\n  }\n}": typeof types.CompanyWorkspaceDocument,
    "subscription ParticipationChanged($programYearId: ID!, $since: SafeInt) {\n  participationChanged(programYearId: $programYearId, since: $since) {\n    seq\n    kind\n    participationId\n    companyId\n  }\n}": typeof types.ParticipationChangedDocument,
    "subscription MeasureChanged($programYearId: ID, $companyId: ID, $since: SafeInt) {\n  measureChanged(\n    programYearId: $programYearId\n    companyId: $companyId\n    since: $since\n  ) {\n    seq\n    kind\n    measureId\n    companyId\n  }\n}": typeof types.MeasureChangedDocument,
    "fragment MeasureRow on Measure {\n  id\n  title\n  category\n  status\n  investmentKrw\n  expectedAnnualSavingsKrw\n  verifiedAnnualSavingsKrw\n  paybackYears\n  ghgReductionTco2e\n  tasksCount\n  version\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  owner {\n    id\n    name\n    nameEn\n  }\n}\n\nfragment MeasureTotalsFields on MeasureTotals {\n  count\n  investmentKrw\n  expectedAnnualSavingsKrw\n  verifiedAnnualSavingsKrw\n  ghgReductionTco2e\n}": typeof types.MeasureRowFragmentDoc,
    "query Measures($filter: MeasureFilter!, $first: Int!, $after: String) {\n  liveSequence\n  measures(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...MeasureRow\n      }\n    }\n  }\n  measureTotals(filter: $filter) {\n    ...MeasureTotalsFields\n  }\n}": typeof types.MeasuresDocument,
    "query Programs {\n  programs {\n    id\n    name\n    nameKo\n    nameEn\n    region\n    description\n    durationYears\n    hostOrganization {\n      id\n      nameKo\n      nameEn\n    }\n    years {\n      id\n      number\n      startsOn\n      endsOn\n      plannedTotalKrw\n      spentTotalKrw\n      budgetLines {\n        id\n        source\n        label\n        plannedKrw\n        spentKrw\n      }\n    }\n  }\n}": typeof types.ProgramsDocument,
    "mutation AssignTask($taskId: ID!, $personId: ID!) {\n  assignTask(taskId: $taskId, personId: $personId) {\n    ...TaskDetailFields\n  }\n}": typeof types.AssignTaskDocument,
    "fragment BoardTaskFields on Task {\n  id\n  title\n  status\n  rank\n  version\n  priority\n  dueOn\n  isOverdue\n  assignees {\n    id\n    name\n    nameEn\n  }\n  measure {\n    id\n    title\n  }\n}": typeof types.BoardTaskFieldsFragmentDoc,
    "query CompanyMeasureOptions($companyId: ID!) {\n  measures(filter: {companyId: $companyId}, first: 200) {\n    edges {\n      node {\n        id\n        title\n      }\n    }\n  }\n}": typeof types.CompanyMeasureOptionsDocument,
    "query CompanyTasks($companyId: ID!) {\n  liveSequence\n  tasks(filter: {companyId: $companyId}, first: 200) {\n    totalCount\n    edges {\n      node {\n        ...BoardTaskFields\n      }\n    }\n  }\n}": typeof types.CompanyTasksDocument,
    "mutation CreateTask($input: CreateTaskInput!) {\n  createTask(input: $input) {\n    ...BoardTaskFields\n  }\n}": typeof types.CreateTaskDocument,
    "mutation MoveTask($id: ID!, $status: TaskStatus!, $afterId: ID, $beforeId: ID, $version: Int!) {\n  moveTask(\n    id: $id\n    status: $status\n    afterId: $afterId\n    beforeId: $beforeId\n    version: $version\n  ) {\n    ...BoardTaskFields\n  }\n}": typeof types.MoveTaskDocument,
    "subscription TaskChanged($companyId: ID, $programYearId: ID, $since: SafeInt) {\n  taskChanged(companyId: $companyId, programYearId: $programYearId, since: $since) {\n    seq\n    kind\n    taskId\n    companyId\n  }\n}": typeof types.TaskChangedDocument,
    "fragment TaskDetailFields on Task {\n  id\n  title\n  description\n  status\n  priority\n  dueOn\n  isOverdue\n  version\n  rank\n  createdAt\n  updatedAt\n  completedAt\n  allowedNextStatuses\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  createdBy {\n    id\n    name\n    nameEn\n  }\n  assignees {\n    id\n    name\n    nameEn\n    role\n  }\n  measure {\n    id\n    title\n    category\n    status\n  }\n}\n\nquery TaskDetail($id: ID!) {\n  liveSequence\n  task(id: $id) {\n    ...TaskDetailFields\n  }\n}": typeof types.TaskDetailFieldsFragmentDoc,
    "mutation UpdateTask($input: UpdateTaskInput!) {\n  updateTask(input: $input) {\n    ...TaskDetailFields\n  }\n}\n\nmutation MoveTaskToColumn($id: ID!, $status: TaskStatus!, $version: Int!) {\n  moveTask(id: $id, status: $status, version: $version) {\n    ...TaskDetailFields\n  }\n}\n\nmutation UnassignTask($taskId: ID!, $personId: ID!) {\n  unassignTask(taskId: $taskId, personId: $personId) {\n    ...TaskDetailFields\n  }\n}": typeof types.UpdateTaskDocument,
};
const documents: Documents = {
    "subscription ActivityAdded($companyId: ID, $since: SafeInt) {\n  activityAdded(companyId: $companyId, since: $since) {\n    seq\n    entry {\n      id\n      action\n      entityType\n      entityId\n    }\n  }\n}": types.ActivityAddedDocument,
    "fragment ActivityEntryFields on ActivityEntry {\n  id\n  action\n  entityType\n  entityId\n  summary\n  createdAt\n  actor {\n    id\n    name\n    nameEn\n  }\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  changes {\n    field\n    from\n    to\n  }\n}": types.ActivityEntryFieldsFragmentDoc,
    "query Activity($filter: ActivityFilter, $first: Int!, $after: String) {\n  liveSequence\n  activity(filter: $filter, first: $first, after: $after) {\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...ActivityEntryFields\n      }\n    }\n  }\n}": types.ActivityDocument,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...ViewerFields\n  }\n}": types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": types.SignOutDocument,
    "fragment ViewerFields on Person {\n  id\n  name\n  nameEn\n  email\n  role\n  locale\n  company {\n    id\n    nameKo\n    nameEn\n  }\n}\n\nquery Viewer {\n  viewer {\n    ...ViewerFields\n  }\n}": types.ViewerFieldsFragmentDoc,
    "query CompanyDiagnoses($companyId: ID!) {\n  diagnoses(filter: {companyId: $companyId}, first: 50) {\n    edges {\n      node {\n        id\n        kind\n        conductedOn\n        findings\n        processesExamined\n        electricityKwhPerYear\n        lngNm3PerYear\n        waterM3PerYear\n        wastewaterM3PerYear\n        wasteTPerYear\n        rawMaterialsTPerYear\n        version\n        leadExpert {\n          id\n          name\n          nameEn\n        }\n      }\n    }\n  }\n}": types.CompanyDiagnosesDocument,
    "query CompanyOptions($programYearId: ID) {\n  companies(filter: {programYearId: $programYearId}, first: 200) {\n    edges {\n      node {\n        id\n        nameKo\n        nameEn\n      }\n    }\n  }\n}": types.CompanyOptionsDocument,
    "fragment ParticipationFields on Participation {\n  id\n  status\n  version\n  appliedOn\n  initiallyDiagnosedOn\n  selectedOn\n  notSelectedOn\n  agreementSignedOn\n  activeOn\n  completedOn\n  withdrawnOn\n  contributionKrw\n  note\n  programYear {\n    id\n    number\n    startsOn\n    endsOn\n  }\n  team {\n    id\n    name\n    focus\n    lead {\n      id\n      name\n      nameEn\n    }\n    members {\n      id\n      specialty\n      person {\n        id\n        name\n        nameEn\n        role\n        email\n        jobTitle\n      }\n    }\n  }\n}\n\nquery CompanyParticipation($companyId: ID!) {\n  liveSequence\n  company(id: $companyId) {\n    id\n    participations {\n      ...ParticipationFields\n    }\n    staff {\n      id\n      name\n      nameEn\n      email\n      jobTitle\n    }\n  }\n}\n\nmutation TransitionParticipation($input: TransitionParticipationInput!) {\n  transitionParticipation(input: $input) {\n    ...ParticipationFields\n  }\n}": types.ParticipationFieldsFragmentDoc,
    "query CompanyPeople($companyId: ID!) {\n  company(id: $companyId) {\n    id\n    staff {\n      id\n      name\n      nameEn\n      role\n    }\n    participations {\n      id\n      programYear {\n        id\n        number\n      }\n      team {\n        id\n        name\n        members {\n          id\n          person {\n            id\n            name\n            nameEn\n            role\n          }\n        }\n      }\n    }\n  }\n}": types.CompanyPeopleDocument,
    "query CompanyWorkspace($id: ID!) {\n  company(id: $id) {\n    id\n    nameKo\n    nameEn\n    businessNumber\n    industryCode\n    industryLabel\n    industrialComplex\n    address\n    employees\n    ceoName\n    contactName\n    contactEmail\n    contactPhone\n    version\n  }\n}": types.CompanyWorkspaceDocument,
    "subscription ParticipationChanged($programYearId: ID!, $since: SafeInt) {\n  participationChanged(programYearId: $programYearId, since: $since) {\n    seq\n    kind\n    participationId\n    companyId\n  }\n}": types.ParticipationChangedDocument,
    "subscription MeasureChanged($programYearId: ID, $companyId: ID, $since: SafeInt) {\n  measureChanged(\n    programYearId: $programYearId\n    companyId: $companyId\n    since: $since\n  ) {\n    seq\n    kind\n    measureId\n    companyId\n  }\n}": types.MeasureChangedDocument,
    "fragment MeasureRow on Measure {\n  id\n  title\n  category\n  status\n  investmentKrw\n  expectedAnnualSavingsKrw\n  verifiedAnnualSavingsKrw\n  paybackYears\n  ghgReductionTco2e\n  tasksCount\n  version\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  owner {\n    id\n    name\n    nameEn\n  }\n}\n\nfragment MeasureTotalsFields on MeasureTotals {\n  count\n  investmentKrw\n  expectedAnnualSavingsKrw\n  verifiedAnnualSavingsKrw\n  ghgReductionTco2e\n}": types.MeasureRowFragmentDoc,
    "query Measures($filter: MeasureFilter!, $first: Int!, $after: String) {\n  liveSequence\n  measures(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...MeasureRow\n      }\n    }\n  }\n  measureTotals(filter: $filter) {\n    ...MeasureTotalsFields\n  }\n}": types.MeasuresDocument,
    "query Programs {\n  programs {\n    id\n    name\n    nameKo\n    nameEn\n    region\n    description\n    durationYears\n    hostOrganization {\n      id\n      nameKo\n      nameEn\n    }\n    years {\n      id\n      number\n      startsOn\n      endsOn\n      plannedTotalKrw\n      spentTotalKrw\n      budgetLines {\n        id\n        source\n        label\n        plannedKrw\n        spentKrw\n      }\n    }\n  }\n}": types.ProgramsDocument,
    "mutation AssignTask($taskId: ID!, $personId: ID!) {\n  assignTask(taskId: $taskId, personId: $personId) {\n    ...TaskDetailFields\n  }\n}": types.AssignTaskDocument,
    "fragment BoardTaskFields on Task {\n  id\n  title\n  status\n  rank\n  version\n  priority\n  dueOn\n  isOverdue\n  assignees {\n    id\n    name\n    nameEn\n  }\n  measure {\n    id\n    title\n  }\n}": types.BoardTaskFieldsFragmentDoc,
    "query CompanyMeasureOptions($companyId: ID!) {\n  measures(filter: {companyId: $companyId}, first: 200) {\n    edges {\n      node {\n        id\n        title\n      }\n    }\n  }\n}": types.CompanyMeasureOptionsDocument,
    "query CompanyTasks($companyId: ID!) {\n  liveSequence\n  tasks(filter: {companyId: $companyId}, first: 200) {\n    totalCount\n    edges {\n      node {\n        ...BoardTaskFields\n      }\n    }\n  }\n}": types.CompanyTasksDocument,
    "mutation CreateTask($input: CreateTaskInput!) {\n  createTask(input: $input) {\n    ...BoardTaskFields\n  }\n}": types.CreateTaskDocument,
    "mutation MoveTask($id: ID!, $status: TaskStatus!, $afterId: ID, $beforeId: ID, $version: Int!) {\n  moveTask(\n    id: $id\n    status: $status\n    afterId: $afterId\n    beforeId: $beforeId\n    version: $version\n  ) {\n    ...BoardTaskFields\n  }\n}": types.MoveTaskDocument,
    "subscription TaskChanged($companyId: ID, $programYearId: ID, $since: SafeInt) {\n  taskChanged(companyId: $companyId, programYearId: $programYearId, since: $since) {\n    seq\n    kind\n    taskId\n    companyId\n  }\n}": types.TaskChangedDocument,
    "fragment TaskDetailFields on Task {\n  id\n  title\n  description\n  status\n  priority\n  dueOn\n  isOverdue\n  version\n  rank\n  createdAt\n  updatedAt\n  completedAt\n  allowedNextStatuses\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  createdBy {\n    id\n    name\n    nameEn\n  }\n  assignees {\n    id\n    name\n    nameEn\n    role\n  }\n  measure {\n    id\n    title\n    category\n    status\n  }\n}\n\nquery TaskDetail($id: ID!) {\n  liveSequence\n  task(id: $id) {\n    ...TaskDetailFields\n  }\n}": types.TaskDetailFieldsFragmentDoc,
    "mutation UpdateTask($input: UpdateTaskInput!) {\n  updateTask(input: $input) {\n    ...TaskDetailFields\n  }\n}\n\nmutation MoveTaskToColumn($id: ID!, $status: TaskStatus!, $version: Int!) {\n  moveTask(id: $id, status: $status, version: $version) {\n    ...TaskDetailFields\n  }\n}\n\nmutation UnassignTask($taskId: ID!, $personId: ID!) {\n  unassignTask(taskId: $taskId, personId: $personId) {\n    ...TaskDetailFields\n  }\n}": types.UpdateTaskDocument,
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
export function graphql(source: "subscription ActivityAdded($companyId: ID, $since: SafeInt) {\n  activityAdded(companyId: $companyId, since: $since) {\n    seq\n    entry {\n      id\n      action\n      entityType\n      entityId\n    }\n  }\n}"): (typeof documents)["subscription ActivityAdded($companyId: ID, $since: SafeInt) {\n  activityAdded(companyId: $companyId, since: $since) {\n    seq\n    entry {\n      id\n      action\n      entityType\n      entityId\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ActivityEntryFields on ActivityEntry {\n  id\n  action\n  entityType\n  entityId\n  summary\n  createdAt\n  actor {\n    id\n    name\n    nameEn\n  }\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  changes {\n    field\n    from\n    to\n  }\n}"): (typeof documents)["fragment ActivityEntryFields on ActivityEntry {\n  id\n  action\n  entityType\n  entityId\n  summary\n  createdAt\n  actor {\n    id\n    name\n    nameEn\n  }\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  changes {\n    field\n    from\n    to\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Activity($filter: ActivityFilter, $first: Int!, $after: String) {\n  liveSequence\n  activity(filter: $filter, first: $first, after: $after) {\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...ActivityEntryFields\n      }\n    }\n  }\n}"): (typeof documents)["query Activity($filter: ActivityFilter, $first: Int!, $after: String) {\n  liveSequence\n  activity(filter: $filter, first: $first, after: $after) {\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...ActivityEntryFields\n      }\n    }\n  }\n}"];
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
export function graphql(source: "query CompanyDiagnoses($companyId: ID!) {\n  diagnoses(filter: {companyId: $companyId}, first: 50) {\n    edges {\n      node {\n        id\n        kind\n        conductedOn\n        findings\n        processesExamined\n        electricityKwhPerYear\n        lngNm3PerYear\n        waterM3PerYear\n        wastewaterM3PerYear\n        wasteTPerYear\n        rawMaterialsTPerYear\n        version\n        leadExpert {\n          id\n          name\n          nameEn\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CompanyDiagnoses($companyId: ID!) {\n  diagnoses(filter: {companyId: $companyId}, first: 50) {\n    edges {\n      node {\n        id\n        kind\n        conductedOn\n        findings\n        processesExamined\n        electricityKwhPerYear\n        lngNm3PerYear\n        waterM3PerYear\n        wastewaterM3PerYear\n        wasteTPerYear\n        rawMaterialsTPerYear\n        version\n        leadExpert {\n          id\n          name\n          nameEn\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompanyOptions($programYearId: ID) {\n  companies(filter: {programYearId: $programYearId}, first: 200) {\n    edges {\n      node {\n        id\n        nameKo\n        nameEn\n      }\n    }\n  }\n}"): (typeof documents)["query CompanyOptions($programYearId: ID) {\n  companies(filter: {programYearId: $programYearId}, first: 200) {\n    edges {\n      node {\n        id\n        nameKo\n        nameEn\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ParticipationFields on Participation {\n  id\n  status\n  version\n  appliedOn\n  initiallyDiagnosedOn\n  selectedOn\n  notSelectedOn\n  agreementSignedOn\n  activeOn\n  completedOn\n  withdrawnOn\n  contributionKrw\n  note\n  programYear {\n    id\n    number\n    startsOn\n    endsOn\n  }\n  team {\n    id\n    name\n    focus\n    lead {\n      id\n      name\n      nameEn\n    }\n    members {\n      id\n      specialty\n      person {\n        id\n        name\n        nameEn\n        role\n        email\n        jobTitle\n      }\n    }\n  }\n}\n\nquery CompanyParticipation($companyId: ID!) {\n  liveSequence\n  company(id: $companyId) {\n    id\n    participations {\n      ...ParticipationFields\n    }\n    staff {\n      id\n      name\n      nameEn\n      email\n      jobTitle\n    }\n  }\n}\n\nmutation TransitionParticipation($input: TransitionParticipationInput!) {\n  transitionParticipation(input: $input) {\n    ...ParticipationFields\n  }\n}"): (typeof documents)["fragment ParticipationFields on Participation {\n  id\n  status\n  version\n  appliedOn\n  initiallyDiagnosedOn\n  selectedOn\n  notSelectedOn\n  agreementSignedOn\n  activeOn\n  completedOn\n  withdrawnOn\n  contributionKrw\n  note\n  programYear {\n    id\n    number\n    startsOn\n    endsOn\n  }\n  team {\n    id\n    name\n    focus\n    lead {\n      id\n      name\n      nameEn\n    }\n    members {\n      id\n      specialty\n      person {\n        id\n        name\n        nameEn\n        role\n        email\n        jobTitle\n      }\n    }\n  }\n}\n\nquery CompanyParticipation($companyId: ID!) {\n  liveSequence\n  company(id: $companyId) {\n    id\n    participations {\n      ...ParticipationFields\n    }\n    staff {\n      id\n      name\n      nameEn\n      email\n      jobTitle\n    }\n  }\n}\n\nmutation TransitionParticipation($input: TransitionParticipationInput!) {\n  transitionParticipation(input: $input) {\n    ...ParticipationFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompanyPeople($companyId: ID!) {\n  company(id: $companyId) {\n    id\n    staff {\n      id\n      name\n      nameEn\n      role\n    }\n    participations {\n      id\n      programYear {\n        id\n        number\n      }\n      team {\n        id\n        name\n        members {\n          id\n          person {\n            id\n            name\n            nameEn\n            role\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CompanyPeople($companyId: ID!) {\n  company(id: $companyId) {\n    id\n    staff {\n      id\n      name\n      nameEn\n      role\n    }\n    participations {\n      id\n      programYear {\n        id\n        number\n      }\n      team {\n        id\n        name\n        members {\n          id\n          person {\n            id\n            name\n            nameEn\n            role\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompanyWorkspace($id: ID!) {\n  company(id: $id) {\n    id\n    nameKo\n    nameEn\n    businessNumber\n    industryCode\n    industryLabel\n    industrialComplex\n    address\n    employees\n    ceoName\n    contactName\n    contactEmail\n    contactPhone\n    version\n  }\n}"): (typeof documents)["query CompanyWorkspace($id: ID!) {\n  company(id: $id) {\n    id\n    nameKo\n    nameEn\n    businessNumber\n    industryCode\n    industryLabel\n    industrialComplex\n    address\n    employees\n    ceoName\n    contactName\n    contactEmail\n    contactPhone\n    version\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ParticipationChanged($programYearId: ID!, $since: SafeInt) {\n  participationChanged(programYearId: $programYearId, since: $since) {\n    seq\n    kind\n    participationId\n    companyId\n  }\n}"): (typeof documents)["subscription ParticipationChanged($programYearId: ID!, $since: SafeInt) {\n  participationChanged(programYearId: $programYearId, since: $since) {\n    seq\n    kind\n    participationId\n    companyId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription MeasureChanged($programYearId: ID, $companyId: ID, $since: SafeInt) {\n  measureChanged(\n    programYearId: $programYearId\n    companyId: $companyId\n    since: $since\n  ) {\n    seq\n    kind\n    measureId\n    companyId\n  }\n}"): (typeof documents)["subscription MeasureChanged($programYearId: ID, $companyId: ID, $since: SafeInt) {\n  measureChanged(\n    programYearId: $programYearId\n    companyId: $companyId\n    since: $since\n  ) {\n    seq\n    kind\n    measureId\n    companyId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MeasureRow on Measure {\n  id\n  title\n  category\n  status\n  investmentKrw\n  expectedAnnualSavingsKrw\n  verifiedAnnualSavingsKrw\n  paybackYears\n  ghgReductionTco2e\n  tasksCount\n  version\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  owner {\n    id\n    name\n    nameEn\n  }\n}\n\nfragment MeasureTotalsFields on MeasureTotals {\n  count\n  investmentKrw\n  expectedAnnualSavingsKrw\n  verifiedAnnualSavingsKrw\n  ghgReductionTco2e\n}"): (typeof documents)["fragment MeasureRow on Measure {\n  id\n  title\n  category\n  status\n  investmentKrw\n  expectedAnnualSavingsKrw\n  verifiedAnnualSavingsKrw\n  paybackYears\n  ghgReductionTco2e\n  tasksCount\n  version\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  owner {\n    id\n    name\n    nameEn\n  }\n}\n\nfragment MeasureTotalsFields on MeasureTotals {\n  count\n  investmentKrw\n  expectedAnnualSavingsKrw\n  verifiedAnnualSavingsKrw\n  ghgReductionTco2e\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Measures($filter: MeasureFilter!, $first: Int!, $after: String) {\n  liveSequence\n  measures(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...MeasureRow\n      }\n    }\n  }\n  measureTotals(filter: $filter) {\n    ...MeasureTotalsFields\n  }\n}"): (typeof documents)["query Measures($filter: MeasureFilter!, $first: Int!, $after: String) {\n  liveSequence\n  measures(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...MeasureRow\n      }\n    }\n  }\n  measureTotals(filter: $filter) {\n    ...MeasureTotalsFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Programs {\n  programs {\n    id\n    name\n    nameKo\n    nameEn\n    region\n    description\n    durationYears\n    hostOrganization {\n      id\n      nameKo\n      nameEn\n    }\n    years {\n      id\n      number\n      startsOn\n      endsOn\n      plannedTotalKrw\n      spentTotalKrw\n      budgetLines {\n        id\n        source\n        label\n        plannedKrw\n        spentKrw\n      }\n    }\n  }\n}"): (typeof documents)["query Programs {\n  programs {\n    id\n    name\n    nameKo\n    nameEn\n    region\n    description\n    durationYears\n    hostOrganization {\n      id\n      nameKo\n      nameEn\n    }\n    years {\n      id\n      number\n      startsOn\n      endsOn\n      plannedTotalKrw\n      spentTotalKrw\n      budgetLines {\n        id\n        source\n        label\n        plannedKrw\n        spentKrw\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AssignTask($taskId: ID!, $personId: ID!) {\n  assignTask(taskId: $taskId, personId: $personId) {\n    ...TaskDetailFields\n  }\n}"): (typeof documents)["mutation AssignTask($taskId: ID!, $personId: ID!) {\n  assignTask(taskId: $taskId, personId: $personId) {\n    ...TaskDetailFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment BoardTaskFields on Task {\n  id\n  title\n  status\n  rank\n  version\n  priority\n  dueOn\n  isOverdue\n  assignees {\n    id\n    name\n    nameEn\n  }\n  measure {\n    id\n    title\n  }\n}"): (typeof documents)["fragment BoardTaskFields on Task {\n  id\n  title\n  status\n  rank\n  version\n  priority\n  dueOn\n  isOverdue\n  assignees {\n    id\n    name\n    nameEn\n  }\n  measure {\n    id\n    title\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompanyMeasureOptions($companyId: ID!) {\n  measures(filter: {companyId: $companyId}, first: 200) {\n    edges {\n      node {\n        id\n        title\n      }\n    }\n  }\n}"): (typeof documents)["query CompanyMeasureOptions($companyId: ID!) {\n  measures(filter: {companyId: $companyId}, first: 200) {\n    edges {\n      node {\n        id\n        title\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompanyTasks($companyId: ID!) {\n  liveSequence\n  tasks(filter: {companyId: $companyId}, first: 200) {\n    totalCount\n    edges {\n      node {\n        ...BoardTaskFields\n      }\n    }\n  }\n}"): (typeof documents)["query CompanyTasks($companyId: ID!) {\n  liveSequence\n  tasks(filter: {companyId: $companyId}, first: 200) {\n    totalCount\n    edges {\n      node {\n        ...BoardTaskFields\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateTask($input: CreateTaskInput!) {\n  createTask(input: $input) {\n    ...BoardTaskFields\n  }\n}"): (typeof documents)["mutation CreateTask($input: CreateTaskInput!) {\n  createTask(input: $input) {\n    ...BoardTaskFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MoveTask($id: ID!, $status: TaskStatus!, $afterId: ID, $beforeId: ID, $version: Int!) {\n  moveTask(\n    id: $id\n    status: $status\n    afterId: $afterId\n    beforeId: $beforeId\n    version: $version\n  ) {\n    ...BoardTaskFields\n  }\n}"): (typeof documents)["mutation MoveTask($id: ID!, $status: TaskStatus!, $afterId: ID, $beforeId: ID, $version: Int!) {\n  moveTask(\n    id: $id\n    status: $status\n    afterId: $afterId\n    beforeId: $beforeId\n    version: $version\n  ) {\n    ...BoardTaskFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription TaskChanged($companyId: ID, $programYearId: ID, $since: SafeInt) {\n  taskChanged(companyId: $companyId, programYearId: $programYearId, since: $since) {\n    seq\n    kind\n    taskId\n    companyId\n  }\n}"): (typeof documents)["subscription TaskChanged($companyId: ID, $programYearId: ID, $since: SafeInt) {\n  taskChanged(companyId: $companyId, programYearId: $programYearId, since: $since) {\n    seq\n    kind\n    taskId\n    companyId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TaskDetailFields on Task {\n  id\n  title\n  description\n  status\n  priority\n  dueOn\n  isOverdue\n  version\n  rank\n  createdAt\n  updatedAt\n  completedAt\n  allowedNextStatuses\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  createdBy {\n    id\n    name\n    nameEn\n  }\n  assignees {\n    id\n    name\n    nameEn\n    role\n  }\n  measure {\n    id\n    title\n    category\n    status\n  }\n}\n\nquery TaskDetail($id: ID!) {\n  liveSequence\n  task(id: $id) {\n    ...TaskDetailFields\n  }\n}"): (typeof documents)["fragment TaskDetailFields on Task {\n  id\n  title\n  description\n  status\n  priority\n  dueOn\n  isOverdue\n  version\n  rank\n  createdAt\n  updatedAt\n  completedAt\n  allowedNextStatuses\n  company {\n    id\n    nameKo\n    nameEn\n  }\n  createdBy {\n    id\n    name\n    nameEn\n  }\n  assignees {\n    id\n    name\n    nameEn\n    role\n  }\n  measure {\n    id\n    title\n    category\n    status\n  }\n}\n\nquery TaskDetail($id: ID!) {\n  liveSequence\n  task(id: $id) {\n    ...TaskDetailFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateTask($input: UpdateTaskInput!) {\n  updateTask(input: $input) {\n    ...TaskDetailFields\n  }\n}\n\nmutation MoveTaskToColumn($id: ID!, $status: TaskStatus!, $version: Int!) {\n  moveTask(id: $id, status: $status, version: $version) {\n    ...TaskDetailFields\n  }\n}\n\nmutation UnassignTask($taskId: ID!, $personId: ID!) {\n  unassignTask(taskId: $taskId, personId: $personId) {\n    ...TaskDetailFields\n  }\n}"): (typeof documents)["mutation UpdateTask($input: UpdateTaskInput!) {\n  updateTask(input: $input) {\n    ...TaskDetailFields\n  }\n}\n\nmutation MoveTaskToColumn($id: ID!, $status: TaskStatus!, $version: Int!) {\n  moveTask(id: $id, status: $status, version: $version) {\n    ...TaskDetailFields\n  }\n}\n\nmutation UnassignTask($taskId: ID!, $personId: ID!) {\n  unassignTask(taskId: $taskId, personId: $personId) {\n    ...TaskDetailFields\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;