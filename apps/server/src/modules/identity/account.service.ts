import { isValidEmail, Role, Validator } from '@ecohub/domain';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { mayManageAccount } from '../../core/auth/policy.ts';
import { hashPassword, passwordViolations } from '../../core/auth/password.ts';
import { inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import { assertValid, badInput, conflict, forbidden, notFound } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { isUuid } from '../../core/ids.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { Company } from '../company/index.ts';
import { MailKind, mailText, queueMail } from '../mail/index.ts';
import { Person } from '../people/person.entity.ts';
import { Organization } from '../program/index.ts';
import type { AcceptInvitationInput, InvitePersonInput } from './identity.inputs.ts';
import { Invitation } from './invitation.entity.ts';
import { hashToken, newSessionToken } from './session-cookie.ts';
import { publishSessionsEnded } from './session.service.ts';

/** Long enough to reach someone over a weekend, short enough that a forgotten link dies. */
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export interface InvitationPreview {
  name: string;
  email: string;
  role: Role;
  expired: boolean;
  accepted: boolean;
}

/**
 * Ends a person's sessions (all, or all but one) and returns their ids. Callers publish an
 * `access.changed` event in the same transaction (`publishSessionsEnded`, or the role or account
 * change that ended them): their sockets then close at once on every instance.
 */
export async function revokePersonSessions(em: EntityManager, personId: string, exceptSessionId: string | null = null): Promise<string[]> {
  const rows: { id: string }[] = await em.execute(
    `update session set revoked_at = now()
      where person_id = ? and revoked_at is null and (?::uuid is null or id <> ?::uuid)
      returning id`,
    [personId, exceptSessionId, exceptSessionId],
  );
  return rows.map((row) => row.id);
}

/** Rights are read from the database per request and per event; this tells live subscribers to re-read. */
function recordAccessChange(changes: ChangeLog, person: Person, action: string, summary: string, diff = {}): void {
  const companyId = person.company?.id ?? null;
  changes.record(
    { action, entityType: 'Person', entityId: person.id, summary, companyId, diff },
    { type: EventType.ACCESS_CHANGED, companyId, payload: { personId: person.id } },
  );
}

async function loadPerson(em: EntityManager, id: string): Promise<Person> {
  const person = isUuid(id) ? await em.findOne(Person, { id }) : null;
  if (!person) throw notFound('Person', id);
  return person;
}

/** Where a role belongs: staff to exactly one company, everyone else to no company. */
async function placement(
  em: EntityManager,
  role: Role,
  companyId: string | null | undefined,
  organizationId: string | null | undefined,
): Promise<{ company: Company | null; organization: Organization | null }> {
  const v = new Validator();
  v.check('companyId', role !== Role.COMPANY_STAFF || !!companyId, 'required', 'Company staff belong to a company');
  v.check('companyId', role === Role.COMPANY_STAFF || !companyId, 'notAllowed', 'Only company staff belong to a company');
  assertValid(v.violations);
  const company = companyId && isUuid(companyId) ? await em.findOne(Company, { id: companyId }) : null;
  if (companyId && !company) throw notFound('Company', companyId);
  const organization = organizationId && isUuid(organizationId) ? await em.findOne(Organization, { id: organizationId }) : null;
  if (organizationId && !organization) throw notFound('Organization', organizationId);
  return { company, organization };
}

/**
 * Creates (or re-invites) a person, issues a single-use link and mails it to them (in the same
 * transaction). The token is also returned once, to the manager, as a fallback; only its hash
 * is stored. Re-inviting someone who has not
 * accepted yet replaces their open invitations; someone with a password already has an account.
 */
export async function invitePerson(ctx: UnitOfWork, input: InvitePersonInput, origin: string): Promise<Invitation> {
  const viewer = ctx.access.assertCan('person.manage');
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const v = new Validator();
  v.check('email', isValidEmail(email), 'invalidEmail', 'email must be an email address');
  v.text('name', name, { required: true, max: 100 });
  assertValid(v.violations);
  if (!mayManageAccount(viewer, { personId: null, role: input.role })) throw forbidden('You may not invite people with this role');

  const token = newSessionToken();
  const link = `${origin}/accept-invitation#token=${encodeURIComponent(token)}`;
  const invitation = await inTransaction(ctx, async (em, changes) => {
    const { company, organization } = await placement(em, input.role, input.companyId, input.organizationId);
    let person = await em.findOne(Person, { email }, { populate: ['passwordHash'] });
    if (person && (person.passwordHash || person.disabledAt)) {
      throw conflict('This email already belongs to an account; enable it or change its role instead');
    }
    if (person && !mayManageAccount(viewer, { personId: person.id, role: person.role })) throw forbidden();
    if (person) {
      Object.assign(person, { name, role: input.role, company: company && ref(company), organization: organization && ref(organization) });
      await em.nativeUpdate(Invitation, { person: person.id, acceptedAt: null }, { expiresAt: new Date() });
    } else {
      person = em.create(Person, { email, name, role: input.role, company, organization });
    }
    const created = em.create(Invitation, {
      tokenHash: hashToken(token),
      person,
      invitedBy: viewer.personId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await em.flush();
    changes.record({
      action: 'person.invited',
      entityType: 'Person',
      entityId: person.id,
      summary: `${name} (${input.role}) was invited`,
      companyId: company?.id ?? null,
    });
    const inviter = await em.findOneOrFail(Person, { id: viewer.personId });
    const invited = person;
    await queueMail(em, changes, {
      to: { id: invited.id, email: invited.email, locale: invited.locale },
      kind: MailKind.Invitation,
      render: (locale) => {
        const t = mailText(locale);
        return {
          subject: t.invitationSubject,
          heading: t.invitationHeading(name),
          paragraphs: [t.invitationBody(inviter.name)],
          action: { label: t.invitationAction, url: link },
          footer: [t.footer],
        };
      },
    });
    return created;
  });
  invitation.token = token;
  invitation.link = link;
  return invitation;
}

async function invitationByToken(em: EntityManager, token: string): Promise<Invitation | null> {
  if (token.length === 0 || token.length > 100) return null;
  return em.findOne(Invitation, { tokenHash: hashToken(token) }, { populate: ['person'] });
}

/** What the accept page shows before the person chooses a password; null for unknown tokens. */
export async function previewInvitation(em: EntityManager, token: string): Promise<InvitationPreview | null> {
  const invitation = await invitationByToken(em, token);
  if (!invitation) return null;
  const person = invitation.person.getEntity();
  return {
    name: person.name,
    email: person.email,
    role: person.role,
    expired: invitation.expiresAt.getTime() <= Date.now() || person.disabledAt !== null,
    accepted: invitation.acceptedAt !== null,
  };
}

function invitationUnusable(rule: 'expired' | 'used' | 'unknown'): GraphQLError {
  const messages = {
    expired: 'This invitation has expired; ask for a new one',
    used: 'This invitation was already used; sign in instead',
    unknown: 'This invitation link is not valid; ask for a new one',
  };
  return badInput(messages[rule], [{ field: 'token', rule, message: messages[rule] }]);
}

/**
 * Sets the invited person's name and password and marks the invitation used, in one
 * transaction: of two concurrent accepts exactly one wins (the conditional update).
 */
export async function acceptInvitation(ctx: UnitOfWork, input: AcceptInvitationInput): Promise<Person> {
  const known = await invitationByToken(ctx.em, input.token);
  if (!known) throw invitationUnusable('unknown');
  const invited = known.person.getEntity();
  const name = input.name.trim();
  const v = new Validator();
  v.text('name', name, { required: true, max: 100 });
  v.violations.push(...passwordViolations('password', input.password, invited.email));
  assertValid(v.violations);
  const passwordHash = await hashPassword(input.password);

  return inTransaction(ctx, async (em, changes) => {
    const claimed: { person_id: string }[] = await em.execute(
      `update invitation set accepted_at = now(), updated_at = now()
        where id = ? and accepted_at is null and expires_at > now()
        returning person_id`,
      [known.id],
    );
    if (claimed.length === 0) throw invitationUnusable(known.acceptedAt ? 'used' : known.expiresAt.getTime() <= Date.now() ? 'expired' : 'used');
    const person = await em.findOneOrFail(Person, { id: invited.id });
    if (person.disabledAt) throw invitationUnusable('expired');
    person.name = name;
    person.passwordHash = passwordHash;
    await em.flush();
    changes.record({
      action: 'person.joined',
      entityType: 'Person',
      entityId: person.id,
      summary: `${name} accepted the invitation`,
      companyId: person.company?.id ?? null,
    });
    return person;
  });
}

/** Ends all the viewer's sessions but the current one; returns how many ended. */
export async function revokeOtherSessions(ctx: UnitOfWork): Promise<number> {
  const viewer = ctx.access.requireViewer();
  return inTransaction(ctx, async (em, changes) => {
    const ended = await revokePersonSessions(em, viewer.personId, viewer.sessionId);
    publishSessionsEnded(changes, viewer.personId, ended);
    return ended.length;
  });
}

/** Stores a new password and ends the viewer's other sessions (the current one stays). */
export async function storeNewPassword(ctx: UnitOfWork, personId: string, sessionId: string, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx, async (em, changes) => {
    const person = await em.findOneOrFail(Person, { id: personId });
    person.passwordHash = passwordHash;
    await em.flush();
    publishSessionsEnded(changes, personId, await revokePersonSessions(em, personId, sessionId));
    changes.record({ action: 'person.passwordChanged', entityType: 'Person', entityId: personId, companyId: person.company?.id ?? null });
  });
}

/** Disables or re-enables an account; disabling ends every session (and so every socket). */
export async function setAccountDisabled(ctx: UnitOfWork, id: string, disabled: boolean): Promise<Person> {
  const viewer = ctx.access.assertCan('person.manage');
  return inTransaction(ctx, async (em, changes) => {
    const person = await loadPerson(em, id);
    if (!mayManageAccount(viewer, { personId: person.id, role: person.role })) {
      throw forbidden(person.id === viewer.personId ? 'You cannot disable or enable your own account' : 'You may not manage this account');
    }
    if ((person.disabledAt !== null) === disabled) return person;
    person.disabledAt = disabled ? new Date() : null;
    await em.flush();
    if (disabled) await revokePersonSessions(em, person.id);
    recordAccessChange(
      changes,
      person,
      disabled ? 'person.disabled' : 'person.enabled',
      `${person.name} was ${disabled ? 'disabled' : 'enabled'}`,
      { disabled: { from: !disabled, to: disabled } },
    );
    return person;
  });
}

/** Changes a person's role (and company, for staff); their sessions end so rights are fresh. */
export async function setPersonRole(ctx: UnitOfWork, id: string, role: Role, companyId: string | null | undefined): Promise<Person> {
  const viewer = ctx.access.assertCan('role.manage');
  if (id === viewer.personId) throw forbidden('You cannot change your own role');
  return inTransaction(ctx, async (em, changes) => {
    const person = await loadPerson(em, id);
    const { company } = await placement(em, role, companyId, undefined);
    const before = { role: person.role, companyId: person.company?.id ?? null };
    if (before.role === role && before.companyId === (company?.id ?? null)) return person;
    person.role = role;
    person.company = company && ref(company);
    await em.flush();
    await revokePersonSessions(em, person.id);
    recordAccessChange(changes, person, 'person.roleChanged', `${person.name} is now ${role}`, {
      role: { from: before.role, to: role },
      companyId: { from: before.companyId, to: company?.id ?? null },
    });
    return person;
  });
}
