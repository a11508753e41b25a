import { mentionToken, Role } from '@ecohub/domain';
import { businessNumberFor, type TestClient } from '../../testing/index.ts';
import { Matrix, type CompanyRecords, type Scope, type Who } from './permission-matrix.world.ts';

/**
 * The permission matrix: for every root operation of the schema, how to call it and who may.
 * ALLOW: the call succeeds with data; DENY: UNAUTHENTICATED, FORBIDDEN or NOT_FOUND, or (for reads)
 * nothing of the scope comes back. Any other answer is a failure of its own (the call is built to
 * succeed when authorized).
 * A pair is [own company, other company]. The test fails for an operation without a rule here.
 */
export type Outcome = 'ALLOW' | 'DENY';
export type Expectation = Record<Who, Outcome | readonly [own: Outcome, other: Outcome]>;

export interface CallContext {
  m: Matrix;
  who: Who;
  scope: Scope;
  /** The records of the company in scope. */
  c: CompanyRecords;
  /** The client the call is made with. */
  client: TestClient;
}

export interface Rule {
  document: string;
  variables?: (ctx: CallContext) => Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Expectation;
  /** Calls on a new account of the role (operations that end sessions or change passwords). */
  throwaway?: boolean;
  /** Reads that answer the caller's own things: an empty answer is still ALLOW. */
  emptyIsAllow?: boolean;
  /** Lists not filtered by company: ALLOW when the scope's record is in the answer. */
  includes?: (value: unknown, c: CompanyRecords) => boolean;
}

const A = 'ALLOW' as const;
const D = 'DENY' as const;
const OWN = [A, D] as const;

/** Anyone, signed in or not. */
const PUBLIC: Expectation = { anonymous: A, ADMIN: A, PROGRAM_MANAGER: A, EXPERT: A, COMPANY_STAFF: A, OBSERVER: A };
/** Every signed-in person, for their own things. */
const SIGNED_IN: Expectation = { ...PUBLIC, anonymous: D };
/** Admins and program managers: programs, years, budgets, participations, teams, events, companies, people. */
const MANAGERS: Expectation = { anonymous: D, ADMIN: A, PROGRAM_MANAGER: A, EXPERT: D, COMPANY_STAFF: D, OBSERVER: D };
const ADMINS: Expectation = { ...MANAGERS, PROGRAM_MANAGER: D };
/** The consulting work (tasks, comments, diagnoses, attachments, history): not observers. */
const WORK_READ: Expectation = { anonymous: D, ADMIN: A, PROGRAM_MANAGER: A, EXPERT: OWN, COMPANY_STAFF: OWN, OBSERVER: D };
/** The program's results per company (companies, participations, measures): observers too. */
const RESULTS_READ: Expectation = { ...WORK_READ, OBSERVER: A };
/** Diagnoses, measures, tasks: managers and the company's experts. */
const WORK_WRITE: Expectation = { anonymous: D, ADMIN: A, PROGRAM_MANAGER: A, EXPERT: OWN, COMPANY_STAFF: D, OBSERVER: D };
const COMMENT_WRITE: Expectation = { ...WORK_WRITE, COMPANY_STAFF: OWN };

const CONNECTION = 'totalCount edges { node { id } }';
/** Emission factors are unique per kind and first year: each call takes the next year. */
let factorYear = 2040;
const today = '2013-03-02';

async function versioned(m: Matrix, field: string, id: string): Promise<{ id: string; version: number }> {
  return { id, version: await m.version(field, id) };
}

export const RULES: Record<string, Rule> = {
  // ---------------------------------------------------------------- public overview and identity
  'Query.programs': { document: '{ programs { id } }', expect: PUBLIC },
  'Query.program': { document: 'query($id: ID!) { program(id: $id) { id } }', variables: ({ m }) => ({ id: m.world.programId }), expect: PUBLIC },
  'Query.programYear': {
    document: 'query($id: ID!) { programYear(id: $id) { id } }',
    variables: ({ m }) => ({ id: m.world.programYearId }),
    expect: PUBLIC,
  },
  'Query.viewer': { document: '{ viewer { id } }', expect: PUBLIC, emptyIsAllow: true },
  'Query.invitation': {
    document: 'query($token: String!) { invitation(token: $token) { email } }',
    variables: async ({ m }) => ({ token: (await m.invite()).token }),
    expect: PUBLIC,
  },
  'Mutation.signIn': {
    document: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }',
    // A fresh client signs in as a new account of the role (anonymous: as an observer).
    variables: async ({ m, who }) => {
      const { email } = await m.throwaway(who === 'anonymous' ? Role.OBSERVER : who);
      return { input: { email, password: Matrix.THROWAWAY_PASSWORD } };
    },
    expect: PUBLIC,
    throwaway: true,
  },
  'Mutation.signOut': { document: 'mutation { signOut }', expect: PUBLIC, throwaway: true },
  'Mutation.acceptInvitation': {
    document: 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }',
    variables: async ({ m }) => ({ input: { token: (await m.invite()).token, password: 'accepted-password-1', name: '새 사람' } }),
    expect: PUBLIC,
    throwaway: true,
  },
  'Mutation.changePassword': {
    document: 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
    variables: () => ({ input: { currentPassword: Matrix.THROWAWAY_PASSWORD, newPassword: 'a-brand-new-password' } }),
    expect: SIGNED_IN,
    throwaway: true,
  },
  'Mutation.requestSignInLink': {
    document: 'mutation($email: String!) { requestSignInLink(email: $email) }',
    // A different address each call: the per-address throttle counts every request.
    variables: ({ who, scope }) => ({ email: `link-request-${who}-${scope}@matrix.test` }),
    expect: PUBLIC,
  },
  'Mutation.signInWithLink': {
    document: 'mutation($token: String!) { signInWithLink(token: $token) { id } }',
    variables: async ({ m }) => ({ token: await m.signInLink() }),
    expect: PUBLIC,
    throwaway: true,
  },
  'Query.notificationPreferences': { document: '{ notificationPreferences { id kind mode } }', expect: SIGNED_IN },
  'Mutation.setNotificationPreference': {
    document: 'mutation { setNotificationPreference(kind: DIGEST, mode: DAILY_DIGEST) { id } }',
    expect: SIGNED_IN,
  },
  'Query.mailOutbox': { document: `{ mailOutbox { ${CONNECTION} } }`, expect: ADMINS, emptyIsAllow: true },
  'Query.mailOutboxTrouble': { document: '{ mailOutboxTrouble { retrying failed } }', expect: ADMINS },
  'Query.mySessions': { document: '{ mySessions { id } }', expect: SIGNED_IN, emptyIsAllow: true },
  'Mutation.revokeOtherSessions': { document: 'mutation { revokeOtherSessions }', expect: SIGNED_IN, throwaway: true },
  'Mutation.revokeSession': {
    document: 'mutation($id: ID!) { revokeSession(id: $id) }',
    // The caller's own current session (anonymous callers name some session id).
    variables: async ({ who, m, client }) => ({ id: who === 'anonymous' ? m.world.programId : await sessionId(client) }),
    expect: SIGNED_IN,
    throwaway: true,
  },
  'Mutation.updateMyProfile': {
    document: 'mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { id } }',
    variables: () => ({ input: {} }),
    expect: SIGNED_IN,
  },
  'Query.notifications': { document: `{ notifications { ${CONNECTION} } }`, expect: SIGNED_IN, emptyIsAllow: true },
  'Query.unreadNotificationCount': { document: '{ unreadNotificationCount }', expect: SIGNED_IN, emptyIsAllow: true },
  'Mutation.markNotificationsRead': { document: 'mutation { markNotificationsRead(all: true) }', expect: SIGNED_IN, emptyIsAllow: true },
  'Query.myTasks': { document: `{ myTasks { ${CONNECTION} } }`, expect: SIGNED_IN, emptyIsAllow: true },
  // A position in the event stream, no data.
  'Query.liveSequence': { document: '{ liveSequence }', expect: PUBLIC, emptyIsAllow: true },

  // ---------------------------------------------------------------- people and accounts
  'Query.people': {
    document: `query($companyId: ID) { people(filter: { companyId: $companyId }) { ${CONNECTION} } }`,
    variables: ({ c }) => ({ companyId: c.id }),
    expect: { ...WORK_READ },
  },
  'Query.person': {
    document: 'query($id: ID!) { person(id: $id) { id } }',
    variables: ({ c }) => ({ id: c.staffId }),
    expect: { ...WORK_READ },
  },
  'Mutation.invitePerson': {
    document: 'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }',
    variables: ({ m }) => ({ input: { email: `matrix-${m.next()}@matrix.test`, name: '초대', role: 'EXPERT' } }),
    expect: MANAGERS,
  },
  'Mutation.disablePerson': {
    document: 'mutation($id: ID!) { disablePerson(id: $id) { id } }',
    variables: async ({ m }) => ({ id: (await m.invite()).person.id }),
    expect: MANAGERS,
  },
  'Mutation.enablePerson': {
    document: 'mutation($id: ID!) { enablePerson(id: $id) { id } }',
    variables: async ({ m }) => {
      const { person } = await m.invite();
      await m.admin.data('mutation($id: ID!) { disablePerson(id: $id) { id } }', { id: person.id });
      return { id: person.id };
    },
    expect: MANAGERS,
  },
  'Mutation.setPersonRole': {
    document: 'mutation($id: ID!) { setPersonRole(id: $id, role: OBSERVER) { id } }',
    variables: async ({ m }) => ({ id: (await m.invite()).person.id }),
    expect: ADMINS,
  },

  // ---------------------------------------------------------------- programs, years, budgets
  'Mutation.createProgram': {
    document: 'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
    variables: ({ m }) => ({
      input: { nameKo: `점검 사업 ${m.next()}`, nameEn: 'Matrix program', region: '경기도 시흥시', durationYears: 3, hostOrganizationId: m.world.hostOrganizationId },
    }),
    expect: MANAGERS,
  },
  'Mutation.updateProgram': {
    document: 'mutation($input: UpdateProgramInput!) { updateProgram(input: $input) { id } }',
    variables: async ({ m }) => ({ input: await versioned(m, 'program', m.world.programId) }),
    expect: MANAGERS,
  },
  'Mutation.createProgramYear': {
    document: 'mutation($input: CreateProgramYearInput!) { createProgramYear(input: $input) { id } }',
    variables: async ({ m }) => {
      const program = await m.admin.data<{ createProgram: { id: string } }>(
        'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
        { input: { nameKo: `연도 점검 사업 ${m.next()}`, nameEn: 'Matrix', region: '경기도', durationYears: 3, hostOrganizationId: m.world.hostOrganizationId } },
      );
      return { input: { programId: program.createProgram.id, number: 1, startsOn: '2014-01-01', endsOn: '2014-12-31' } };
    },
    expect: MANAGERS,
  },
  'Mutation.updateProgramYear': {
    document: 'mutation($input: UpdateProgramYearInput!) { updateProgramYear(input: $input) { id } }',
    variables: async ({ m }) => ({ input: await versioned(m, 'programYear', m.world.programYearId) }),
    expect: MANAGERS,
  },
  'Mutation.setProgramYearTargets': {
    document: 'mutation($input: SetProgramYearTargetsInput!) { setProgramYearTargets(input: $input) { id } }',
    // A year of its own per call: calls run at once, and each sets a new version.
    variables: async ({ m }) => {
      const { id, version } = await versioned(m, 'programYear', await m.programYear());
      return { input: { programYearId: id, version, savingsKrw: 1_000_000 * m.next() } };
    },
    expect: MANAGERS,
  },
  'Mutation.continueProgramYear': {
    document: 'mutation($input: ContinueProgramYearInput!) { continueProgramYear(input: $input) { id } }',
    variables: async ({ m }) => {
      // A program of its own per call: the year continued into must still be empty.
      const { createProgram } = await m.admin.data<{ createProgram: { id: string } }>(
        'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
        { input: { nameKo: `연속 점검 사업 ${m.next()}`, nameEn: 'Matrix', region: '경기도', durationYears: 3, hostOrganizationId: m.world.hostOrganizationId } },
      );
      const year = async (number: number) =>
        (
          await m.admin.data<{ createProgramYear: { id: string } }>('mutation($input: CreateProgramYearInput!) { createProgramYear(input: $input) { id } }', {
            input: { programId: createProgram.id, number, startsOn: `${2013 + number}-01-01`, endsOn: `${2013 + number}-12-31` },
          })
        ).createProgramYear.id;
      return { input: { fromYearId: await year(1), programYearId: await year(2) } };
    },
    expect: MANAGERS,
  },
  'Mutation.setBudgetLine': {
    document: 'mutation($input: SetBudgetLineInput!) { setBudgetLine(input: $input) { id } }',
    variables: async ({ m }) => ({ input: { programYearId: await m.programYear(), source: 'OTHER', plannedKrw: 1_000_000 } }),
    expect: MANAGERS,
  },
  'Query.organizations': { document: '{ organizations { id } }', expect: PUBLIC },
  // Published national reference figures.
  'Query.emissionFactors': { document: '{ emissionFactors { id } }', expect: PUBLIC },
  'Mutation.createEmissionFactor': {
    document: 'mutation($input: CreateEmissionFactorInput!) { createEmissionFactor(input: $input) { id } }',
    variables: () => {
      factorYear += 1;
      return { input: { kind: 'WATER', source: 'matrix', validFromYear: factorYear, validToYear: factorYear, value: 0.3 } };
    },
    expect: MANAGERS,
  },

  // ---------------------------------------------------------------- companies and participations
  'Query.companies': {
    document: `query($programYearId: ID) { companies(filter: { programYearId: $programYearId }, first: 200) { edges { node { id } } } }`,
    variables: ({ m }) => ({ programYearId: m.world.programYearId }),
    expect: RESULTS_READ,
    includes: (value, c) => nodes(value).some((node) => node.id === c.id),
  },
  'Query.company': { document: 'query($id: ID!) { company(id: $id) { id } }', variables: ({ c }) => ({ id: c.id }), expect: RESULTS_READ },
  'Mutation.createCompany': {
    document: 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }',
    variables: ({ m }) => ({ input: { nameKo: `신규기업 ${m.next()}`, businessNumber: businessNumberFor(900_000 + m.next() * 7919), industryCode: '25921', industryLabel: '도금업' } }),
    expect: MANAGERS,
  },
  'Mutation.updateCompany': {
    document: 'mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { id } }',
    variables: async ({ m, c }) => ({ input: await versioned(m, 'company', c.id) }),
    expect: MANAGERS,
  },
  'Mutation.archiveCompany': {
    document: 'mutation($input: ArchiveCompanyInput!) { archiveCompany(input: $input) { id } }',
    variables: async ({ m }) => ({ input: await m.company() }),
    expect: MANAGERS,
  },
  'Query.search': {
    // The company's own name: who may see the company finds it, nobody else finds anything of it.
    document: 'query($q: String!) { search(query: $q, first: 50) { id kind } }',
    variables: async ({ m, c }) => ({ q: (await m.admin.data<{ company: { nameKo: string } }>('query($id: ID!) { company(id: $id) { nameKo } }', { id: c.id })).company.nameKo }),
    expect: RESULTS_READ,
    includes: (value, c) => (value as { id: string }[]).some((hit) => hit.id === c.id),
  },
  'Query.participations': {
    document: `query($programYearId: ID!) { participations(programYearId: $programYearId, first: 200) { edges { node { id } } } }`,
    variables: ({ m }) => ({ programYearId: m.world.programYearId }),
    expect: RESULTS_READ,
    includes: (value, c) => nodes(value).some((node) => node.id === c.participationId),
  },
  'Query.participation': {
    document: 'query($id: ID!) { participation(id: $id) { id } }',
    variables: ({ c }) => ({ id: c.participationId }),
    expect: RESULTS_READ,
  },
  'Mutation.applyToProgramYear': {
    document: 'mutation($input: ApplyToProgramYearInput!) { applyToProgramYear(input: $input) { id } }',
    variables: async ({ m }) => ({ input: { companyId: (await m.company()).id, programYearId: m.world.programYearId } }),
    expect: MANAGERS,
  },
  'Mutation.transitionParticipation': {
    document: 'mutation($input: TransitionParticipationInput!) { transitionParticipation(input: $input) { id } }',
    variables: async ({ m }) => ({ input: { ...(await m.participation()), to: 'INITIALLY_DIAGNOSED' } }),
    expect: MANAGERS,
  },
  'Mutation.assignParticipationTeam': {
    document: 'mutation($input: AssignParticipationTeamInput!) { assignParticipationTeam(input: $input) { id } }',
    variables: async ({ m, c }) => ({ input: { ...(await m.participation()), teamId: c.teamId } }),
    expect: MANAGERS,
  },
  'Mutation.setParticipationContribution': {
    document: 'mutation($input: SetParticipationContributionInput!) { setParticipationContribution(input: $input) { id } }',
    variables: async ({ m }) => ({ input: { ...(await m.participation()), contributionKrw: 3_000_000 } }),
    expect: MANAGERS,
  },

  // ---------------------------------------------------------------- expert teams
  // Experts see every team of the program (their colleagues); staff only the team serving them.
  'Query.expertTeams': {
    document: `query($programYearId: ID!) { expertTeams(programYearId: $programYearId, first: 200) { edges { node { id } } } }`,
    variables: ({ m }) => ({ programYearId: m.world.programYearId }),
    expect: { ...WORK_READ, OBSERVER: A, EXPERT: A },
    includes: (value, c) => nodes(value).some((node) => node.id === c.teamId),
  },
  'Query.expertTeam': {
    document: 'query($id: ID!) { expertTeam(id: $id) { id } }',
    variables: ({ c }) => ({ id: c.teamId }),
    expect: { ...WORK_READ, OBSERVER: A, EXPERT: A },
  },
  'Mutation.createExpertTeam': {
    document: 'mutation($input: CreateExpertTeamInput!) { createExpertTeam(input: $input) { id } }',
    variables: ({ m }) => ({ input: { programYearId: m.world.programYearId, name: `신규팀 ${m.next()}` } }),
    expect: MANAGERS,
  },
  'Mutation.updateExpertTeam': {
    document: 'mutation($input: UpdateExpertTeamInput!) { updateExpertTeam(input: $input) { id } }',
    variables: async ({ m }) => ({ input: await m.team() }),
    expect: MANAGERS,
  },
  'Mutation.addTeamMember': {
    document: 'mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }',
    variables: async ({ m }) => ({ input: { teamId: (await m.team()).id, personId: m.world.otherExpertId } }),
    expect: MANAGERS,
  },
  'Mutation.removeTeamMember': {
    document: 'mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { id } }',
    variables: async ({ m }) => ({ input: { teamId: (await m.team([m.world.otherExpertId])).id, personId: m.world.otherExpertId } }),
    expect: MANAGERS,
  },

  // ---------------------------------------------------------------- events
  'Query.events': {
    document: `query($programYearId: ID!) { events(programYearId: $programYearId) { edges { node { id } } } }`,
    variables: ({ m }) => ({ programYearId: m.world.programYearId }),
    expect: SIGNED_IN,
  },
  'Query.event': { document: 'query($id: ID!) { event(id: $id) { id } }', variables: ({ m }) => ({ id: m.world.eventId }), expect: SIGNED_IN },
  'Mutation.createEvent': {
    document: 'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
    variables: ({ m }) => ({
      input: { programYearId: m.world.programYearId, kind: 'TRAINING', title: '교육', venue: '안산', startsAt: '2013-04-01T01:00:00Z', endsAt: '2013-04-01T03:00:00Z' },
    }),
    expect: MANAGERS,
  },
  'Mutation.updateEvent': {
    document: 'mutation($input: UpdateEventInput!) { updateEvent(input: $input) { id } }',
    variables: async ({ m }) => ({ input: await m.event() }),
    expect: MANAGERS,
  },
  'Mutation.cancelEvent': {
    document: 'mutation($input: CancelEventInput!) { cancelEvent(input: $input) { id } }',
    variables: async ({ m }) => ({ input: await m.event() }),
    expect: MANAGERS,
  },
  'Mutation.inviteCompaniesToEvent': {
    document: 'mutation($input: InviteCompaniesInput!) { inviteCompaniesToEvent(input: $input) { id } }',
    variables: async ({ m, c }) => ({ input: { eventId: (await m.event()).id, companyIds: [c.id] } }),
    expect: MANAGERS,
  },
  'Mutation.uninviteCompanyFromEvent': {
    document: 'mutation($input: UninviteCompanyInput!) { uninviteCompanyFromEvent(input: $input) { id } }',
    variables: async ({ m, c }) => {
      const event = await m.event();
      await m.admin.data('mutation($input: InviteCompaniesInput!) { inviteCompaniesToEvent(input: $input) { id } }', {
        input: { eventId: event.id, companyIds: [c.id] },
      });
      return { input: { eventId: event.id, companyId: c.id } };
    },
    expect: MANAGERS,
  },
  'Mutation.recordAttendance': {
    document: 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
    variables: async ({ m }) => ({ input: { eventId: (await m.event()).id, guestName: '방문객', guestAffiliation: '안산시' } }),
    expect: MANAGERS,
  },
  'Mutation.removeAttendance': {
    document: 'mutation($id: ID!) { removeAttendance(id: $id) { id } }',
    variables: async ({ m }) => {
      const attendance = await m.admin.data<{ recordAttendance: { id: string } }>(
        'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
        { input: { eventId: (await m.event()).id, guestName: '방문객' } },
      );
      return { id: attendance.recordAttendance.id };
    },
    expect: MANAGERS,
  },

  // ---------------------------------------------------------------- diagnoses and measures
  'Query.diagnoses': {
    document: `query($companyId: ID) { diagnoses(filter: { companyId: $companyId }) { ${CONNECTION} } }`,
    variables: ({ c }) => ({ companyId: c.id }),
    expect: WORK_READ,
  },
  'Query.diagnosis': { document: 'query($id: ID!) { diagnosis(id: $id) { id } }', variables: ({ c }) => ({ id: c.diagnosisId }), expect: WORK_READ },
  'Mutation.createDiagnosis': {
    document: 'mutation($input: CreateDiagnosisInput!) { createDiagnosis(input: $input) { id } }',
    variables: ({ c }) => ({
      input: { participationId: c.participationId, kind: 'DETAILED', conductedOn: today, findings: '점검 소견', processesExamined: '도금 라인' },
    }),
    expect: WORK_WRITE,
  },
  'Mutation.updateDiagnosis': {
    document: 'mutation($input: UpdateDiagnosisInput!) { updateDiagnosis(input: $input) { id } }',
    variables: async ({ m, c }) => ({ input: await versioned(m, 'diagnosis', c.diagnosisId) }),
    expect: WORK_WRITE,
  },
  'Query.measures': {
    document: `query($companyId: ID) { measures(filter: { companyId: $companyId }) { ${CONNECTION} } }`,
    variables: ({ c }) => ({ companyId: c.id }),
    expect: RESULTS_READ,
  },
  'Query.measure': { document: 'query($id: ID!) { measure(id: $id) { id } }', variables: ({ c }) => ({ id: c.measureId }), expect: RESULTS_READ },
  'Query.measureTotals': {
    document: 'query($companyId: ID) { measureTotals(filter: { companyId: $companyId }) { count } }',
    variables: ({ c }) => ({ companyId: c.id }),
    expect: RESULTS_READ,
  },
  'Mutation.createMeasure': {
    document: 'mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }',
    variables: ({ m, c }) => ({ input: { companyId: c.id, programYearId: m.world.programYearId, category: 'GREEN_MANAGEMENT', title: '점검' } }),
    expect: WORK_WRITE,
  },
  'Mutation.updateMeasure': {
    document: 'mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { id } }',
    variables: async ({ m, c }) => ({ input: await m.measure(c.id) }),
    expect: WORK_WRITE,
  },
  'Mutation.transitionMeasure': {
    document: 'mutation($id: ID!, $version: Int!) { transitionMeasure(id: $id, version: $version, to: APPROVED) { id } }',
    variables: async ({ m, c }) => m.measure(c.id),
    expect: WORK_WRITE,
  },
  'Mutation.recordMeasureFollowUp': {
    document: 'mutation($input: MeasureFollowUpInput!) { recordMeasureFollowUp(input: $input) { id } }',
    variables: async ({ m, c }) => {
      const implemented = await m.transitionMeasure(await m.measure(c.id), ['APPROVED', 'IN_PROGRESS', 'IMPLEMENTED'], '2013-02-01');
      return { input: { ...implemented, checkedOn: today } };
    },
    expect: WORK_WRITE,
  },
  'Mutation.archiveMeasure': {
    document: 'mutation($id: ID!, $version: Int!) { archiveMeasure(id: $id, version: $version) { id } }',
    variables: async ({ m, c }) => m.measure(c.id),
    expect: WORK_WRITE,
  },

  // ---------------------------------------------------------------- follow-up and the measure library
  'Query.followUpRequests': {
    document: 'query($companyId: ID) { followUpRequests(filter: { companyId: $companyId }) { id } }',
    variables: async ({ m, c }) => {
      await m.followUpRequest(c.id);
      return { companyId: c.id };
    },
    expect: WORK_READ,
  },
  'Query.followUpRequest': {
    document: 'query($id: ID!) { followUpRequest(id: $id) { id } }',
    variables: async ({ m, c }) => ({ id: (await m.followUpRequest(c.id)).id }),
    expect: WORK_READ,
  },
  'Mutation.setFollowUpPlan': {
    document: 'mutation($y: ID!) { setFollowUpPlan(programYearId: $y, monthsAfter: [6, 12]) }',
    variables: ({ m }) => ({ y: m.world.programYearId }),
    expect: MANAGERS,
  },
  'Mutation.openDueFollowUps': {
    document: 'mutation($y: ID!) { openDueFollowUps(programYearId: $y) }',
    variables: ({ m }) => ({ y: m.world.programYearId }),
    expect: MANAGERS,
  },
  'Mutation.submitFollowUp': {
    document: 'mutation($input: SubmitFollowUpInput!) { submitFollowUp(input: $input) { id } }',
    variables: async ({ m, c }) => {
      const measure = await m.measure(c.id);
      const request = await m.followUpRequest(c.id);
      return { input: { requestId: request.id, answers: [{ measureId: measure.id, outcome: 'UNKNOWN' }] } };
    },
    expect: COMMENT_WRITE,
  },
  'Mutation.verifyFollowUpAnswer': {
    document: 'mutation($input: VerifyFollowUpAnswerInput!) { verifyFollowUpAnswer(input: $input) { id } }',
    variables: async ({ m, c }) => ({ input: { answerId: await m.followUpAnswer(c.id) } }),
    expect: WORK_WRITE,
  },
  'Query.measureLibrary': { document: `{ measureLibrary(first: 5) { ${CONNECTION} } }`, expect: SIGNED_IN },
  'Query.measureLibraryKinds': { document: '{ measureLibraryKinds { category } }', expect: SIGNED_IN, emptyIsAllow: true },
  'Mutation.reuseLibraryEntry': {
    document: 'mutation($m: ID!, $c: ID!, $y: ID!) { reuseLibraryEntry(measureId: $m, companyId: $c, programYearId: $y) { id } }',
    variables: ({ m, c }) => ({ m: c.measureId, c: c.id, y: m.world.programYearId }),
    expect: WORK_WRITE,
  },

  // ---------------------------------------------------------------- tasks
  'Query.tasks': {
    document: `query($companyId: ID) { tasks(filter: { companyId: $companyId }) { ${CONNECTION} } }`,
    variables: ({ c }) => ({ companyId: c.id }),
    expect: WORK_READ,
  },
  'Query.task': { document: 'query($id: ID!) { task(id: $id) { id } }', variables: ({ c }) => ({ id: c.taskId }), expect: WORK_READ },
  'Mutation.createTask': {
    document: 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
    variables: ({ c }) => ({ input: { companyId: c.id, title: '점검 과제' } }),
    expect: WORK_WRITE,
  },
  'Mutation.updateTask': {
    document: 'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }',
    variables: async ({ m, c }) => ({ input: { ...(await m.task(c.id)), title: '고친 제목' } }),
    expect: WORK_WRITE,
  },
  'Mutation.moveTask': {
    document: 'mutation($id: ID!, $version: Int!) { moveTask(id: $id, version: $version, status: IN_PROGRESS) { id } }',
    // Assigned to the company's staff member: staff may move the tasks assigned to them.
    variables: async ({ m, c }) => m.task(c.id, [c.staffId]),
    expect: { ...WORK_WRITE, COMPANY_STAFF: OWN },
  },
  'Mutation.assignTask': {
    document: 'mutation($taskId: ID!, $personId: ID!) { assignTask(taskId: $taskId, personId: $personId) { id } }',
    variables: async ({ m, c }) => ({ taskId: (await m.task(c.id)).id, personId: c.staffId }),
    expect: WORK_WRITE,
  },
  'Mutation.unassignTask': {
    document: 'mutation($taskId: ID!, $personId: ID!) { unassignTask(taskId: $taskId, personId: $personId) { id } }',
    variables: async ({ m, c }) => ({ taskId: (await m.task(c.id, [c.staffId])).id, personId: c.staffId }),
    expect: WORK_WRITE,
  },
  'Mutation.archiveTask': {
    document: 'mutation($id: ID!, $version: Int!) { archiveTask(id: $id, version: $version) { id } }',
    variables: async ({ m, c }) => m.task(c.id),
    expect: WORK_WRITE,
  },

  // ---------------------------------------------------------------- comments and attachments
  'Query.comments': {
    document: `query($taskId: ID!) { comments(taskId: $taskId) { ${CONNECTION} } }`,
    variables: ({ c }) => ({ taskId: c.commentedTaskId }),
    expect: WORK_READ,
  },
  'Mutation.addComment': {
    document: 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
    variables: ({ c }) => ({ input: { taskId: c.taskId, body: '점검 댓글' } }),
    expect: COMMENT_WRITE,
  },
  'Mutation.editComment': {
    document: 'mutation($id: ID!, $version: Int!) { editComment(id: $id, version: $version, body: "고친 댓글") { id } }',
    // Written by the admin: nobody edits someone else's words.
    variables: async ({ m, c }) => m.comment(c.taskId),
    expect: { anonymous: D, ADMIN: A, PROGRAM_MANAGER: D, EXPERT: D, COMPANY_STAFF: D, OBSERVER: D },
  },
  'Mutation.deleteComment': {
    document: 'mutation($id: ID!, $version: Int!) { deleteComment(id: $id, version: $version) { id } }',
    // Written by the admin: managers moderate, others delete only their own.
    variables: async ({ m, c }) => m.comment(c.taskId),
    expect: MANAGERS,
  },
  'Query.attachments': {
    document: `query($taskId: ID) { attachments(filter: { taskId: $taskId }) { ${CONNECTION} } }`,
    variables: ({ c }) => ({ taskId: c.commentedTaskId }),
    expect: WORK_READ,
  },
  // The size limit and types are no secret: the sign-in page's client may know them too.
  'Query.attachmentLimits': { document: '{ attachmentLimits { maxBytes } }', expect: PUBLIC },
  'Query.attachment': { document: 'query($id: ID!) { attachment(id: $id) { id } }', variables: ({ c }) => ({ id: c.attachmentId }), expect: WORK_READ },
  'Mutation.deleteAttachment': {
    document: 'mutation($id: ID!) { deleteAttachment(id: $id) { id } }',
    // Uploaded by the admin: managers remove anything, the company's experts its work files.
    variables: async ({ m, c }) => {
      const response = await fetch(`${m.hub.url}/attachments?taskId=${c.taskId}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-file-name': 'matrix.csv', cookie: m.admin.cookie ?? '' },
        body: `a,b\n${m.next()},2\n`,
      });
      return { id: ((await response.json()) as { id: string }).id };
    },
    expect: WORK_WRITE,
  },

  // ---------------------------------------------------------------- history
  'Query.activity': {
    document: `query($companyId: ID) { activity(filter: { companyId: $companyId }) { ${CONNECTION} } }`,
    variables: ({ c }) => ({ companyId: c.id }),
    expect: WORK_READ,
  },
  'Mutation.reportPresence': {
    document: 'mutation($topic: PresenceTopicInput!) { reportPresence(topic: $topic, state: EDITING) }',
    variables: ({ c }) => ({ topic: { page: 'TASK', id: c.taskId } }),
    expect: WORK_READ,
  },
};

/** The answer of an operation, as the matrix judges it. */
export function judge(
  result: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] },
  field: string,
  rule: Rule,
  c: CompanyRecords,
): Outcome | `ERROR ${string}` {
  const code = result.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND') return D;
  if (code) return `ERROR ${code}`;
  const value = result.data?.[field];
  if (rule.emptyIsAllow) return A;
  if (rule.includes) return rule.includes(value, c) ? A : D;
  return isEmpty(value) ? D : A;
}

function nodes(value: unknown): { id: string }[] {
  return ((value as { edges?: { node: { id: string } }[] } | null)?.edges ?? []).map((edge) => edge.node);
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.edges)) return record.edges.length === 0;
    if (typeof record.count === 'number') return record.count === 0;
  }
  return false;
}

export async function sessionId(client: TestClient): Promise<string> {
  const { mySessions } = await client.data<{ mySessions: { id: string; current: boolean }[] }>('{ mySessions { id current } }');
  return mySessions.find((s) => s.current)!.id;
}

/**
 * Subscriptions are checked over real sockets: each caller subscribes (resuming from the current
 * position), the admin then changes something in the scope's company, and ALLOW means its event
 * arrived. DENY is an error, or silence; with `refuse`, only an error will do (a subscription to
 * a company or task the viewer may not see is refused, not left quiet).
 */
export interface SubscriptionRule {
  document: string;
  variables: (ctx: { m: Matrix; c: CompanyRecords }) => Record<string, unknown>;
  /** Makes one event in the scope's company. */
  trigger: (m: Matrix, c: CompanyRecords) => Promise<unknown>;
  expect: Expectation;
  refuse?: boolean;
  /** Which received events count for the scope (default: all). */
  matches?: (event: Record<string, unknown>, c: CompanyRecords) => boolean;
}

export const SUBSCRIPTION_RULES: Record<string, SubscriptionRule> = {
  'Subscription.presence': {
    // Presence is not resumable: the list of people arrives at once (the subscriber is on it).
    document: 'subscription($topic: PresenceTopicInput!) { presence(topic: $topic) { people { personId state } } }',
    variables: ({ c }) => ({ topic: { page: 'TASK', id: c.taskId } }),
    trigger: (m, c) => m.admin.data('mutation($topic: PresenceTopicInput!) { reportPresence(topic: $topic, state: EDITING) }', { topic: { page: 'TASK', id: c.taskId } }),
    expect: WORK_READ,
    refuse: true,
  },
  'Subscription.activityAdded': {
    document: 'subscription($companyId: ID, $since: SafeInt) { activityAdded(companyId: $companyId, since: $since) { seq } }',
    variables: ({ c }) => ({ companyId: c.id }),
    trigger: (m, c) => m.task(c.id),
    expect: WORK_READ,
    refuse: true,
  },
  'Subscription.taskChanged': {
    document: 'subscription($companyId: ID, $since: SafeInt) { taskChanged(companyId: $companyId, since: $since) { seq } }',
    variables: ({ c }) => ({ companyId: c.id }),
    trigger: (m, c) => m.task(c.id),
    expect: WORK_READ,
    refuse: true,
  },
  'Subscription.commentChanged': {
    document: 'subscription($taskId: ID!, $since: SafeInt) { commentChanged(taskId: $taskId, since: $since) { seq } }',
    variables: ({ c }) => ({ taskId: c.taskId }),
    trigger: (m, c) => m.comment(c.taskId, 'SHARED'),
    expect: WORK_READ,
    refuse: true,
  },
  'Subscription.companyChanged': {
    document: 'subscription($companyId: ID!, $since: SafeInt) { companyChanged(companyId: $companyId, since: $since) { seq company { nameKo } } }',
    variables: ({ c }) => ({ companyId: c.id }),
    trigger: async (m, c) => m.admin.data('mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { id } }', {
      input: { ...(await versioned(m, 'company', c.id)), nameEn: `Matrix Check ${m.next()}` },
    }),
    expect: RESULTS_READ,
    refuse: true,
  },
  'Subscription.diagnosisChanged': {
    document: 'subscription($companyId: ID!, $since: SafeInt) { diagnosisChanged(companyId: $companyId, since: $since) { seq } }',
    variables: ({ c }) => ({ companyId: c.id }),
    trigger: async (m, c) => m.admin.data('mutation($input: UpdateDiagnosisInput!) { updateDiagnosis(input: $input) { id } }', {
      input: { ...(await versioned(m, 'diagnosis', c.diagnosisId)), findings: `점검 소견 ${m.next()}` },
    }),
    expect: WORK_READ,
    refuse: true,
  },
  'Subscription.measureChanged': {
    document: 'subscription($companyId: ID, $since: SafeInt) { measureChanged(companyId: $companyId, since: $since) { seq } }',
    variables: ({ c }) => ({ companyId: c.id }),
    trigger: (m, c) => m.measure(c.id),
    expect: RESULTS_READ,
    refuse: true,
  },
  'Subscription.participationChanged': {
    document: 'subscription($programYearId: ID!, $since: SafeInt) { participationChanged(programYearId: $programYearId, since: $since) { seq companyId } }',
    // One program year for everyone: only the events of companies the viewer may see arrive.
    variables: ({ m }) => ({ programYearId: m.world.programYearId }),
    trigger: async (m, c) => {
      const version = await m.version('participation', c.participationId);
      return m.admin.data('mutation($input: SetParticipationContributionInput!) { setParticipationContribution(input: $input) { id } }', {
        input: { id: c.participationId, version, contributionKrw: 1_000_000 + m.next() },
      });
    },
    expect: RESULTS_READ,
    matches: (event, c) => event.companyId === c.id,
  },
  'Subscription.eventChanged': {
    document: 'subscription($programYearId: ID!, $since: SafeInt) { eventChanged(programYearId: $programYearId, since: $since) { seq event { invitedCompanies { id } } } }',
    // The year's calendar for everyone: a site visit for the scope's company reaches only who sees that company's work.
    variables: ({ m }) => ({ programYearId: m.world.programYearId }),
    trigger: async (m, c) => {
      const { createEvent } = await m.admin.data<{ createEvent: { id: string } }>('mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }', {
        input: { programYearId: m.world.programYearId, kind: 'SITE_VISIT', title: '현장 방문', venue: '안산', startsAt: '2013-04-02T01:00:00Z', endsAt: '2013-04-02T03:00:00Z' },
      });
      return m.admin.data('mutation($input: InviteCompaniesInput!) { inviteCompaniesToEvent(input: $input) { id } }', { input: { eventId: createEvent.id, companyIds: [c.id] } });
    },
    expect: WORK_READ,
    matches: (event, c) => Boolean((event.event as { invitedCompanies: { id: string }[] } | null)?.invitedCompanies.some((company) => company.id === c.id)),
  },
  'Subscription.boardRowChanged': {
    document: 'subscription($programYearId: ID!, $since: SafeInt) { boardRowChanged(programYearId: $programYearId, since: $since) { seq companyId } }',
    // The whole board of a year: each viewer receives the rows of the companies they may see.
    variables: ({ m }) => ({ programYearId: m.world.programYearId }),
    trigger: (m, c) => m.task(c.id),
    expect: RESULTS_READ,
    matches: (event, c) => event.companyId === c.id,
  },
  'Subscription.notificationAdded': {
    document: 'subscription($since: SafeInt) { notificationAdded(since: $since) { seq notification { company { id } } } }',
    variables: () => ({}),
    // The admin mentions the demo manager, expert and staff member in a comment of the own company,
    // and the other company's staff member in one of theirs: ALLOW is "my own notification
    // arrived". The admin acts (no notification to oneself); observers are never mentioned.
    trigger: (m, c) => {
      const { demo } = m.world;
      const mentioned = c.id === m.world.companies.own.id ? [demo.PROGRAM_MANAGER, demo.EXPERT, demo.COMPANY_STAFF] : [c.staffId];
      return m.admin.data('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', {
        input: { taskId: c.taskId, visibility: 'SHARED', body: `확인 부탁드립니다 ${mentioned.map((id) => mentionToken('담당자', id)).join(' ')}` },
      });
    },
    expect: { anonymous: D, ADMIN: D, PROGRAM_MANAGER: OWN, EXPERT: OWN, COMPANY_STAFF: OWN, OBSERVER: D },
    matches: (event, c) => (event.notification as { company: { id: string } | null }).company?.id === c.id,
  },
};
