import { isValidEmail, Role } from '@ecohub/domain';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { inTransaction } from '../../core/database/transaction.ts';
import { badInput } from '../../core/errors.ts';
import { hashToken, newSecretToken } from '../../core/secret-token.ts';
import { MailKind, mailText, queueMail } from '../mail/index.ts';
import { Person } from '../people/person.entity.ts';
import { bookAttempt, type LoginClient } from './login-throttle.ts';
import { SignInLink } from './sign-in-link.entity.ts';

export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** Staff of a plating shop and observers sign in rarely: a link by mail spares them a password. */
const LINK_ROLES: readonly Role[] = [Role.COMPANY_STAFF, Role.OBSERVER];

/**
 * Mails a sign-in link when the address belongs to an enabled staff member or observer. The
 * answer is the same either way (addresses are not revealed), and every request counts
 * against the same limits as a failed password (per address typed, per client address),
 * kept apart from the password counts.
 */
export async function requestSignInLink(ctx: UnitOfWork, client: LoginClient, origin: string): Promise<void> {
  const email = client.email.trim().toLowerCase().slice(0, 254);
  await bookAttempt(ctx.em, { email, address: client.address, via: 'link' });
  if (!isValidEmail(email)) return;
  const person = await ctx.em.findOne(Person, { email });
  if (!person || person.disabledAt || person.mailBouncedAt || !LINK_ROLES.includes(person.role)) return;
  const token = newSecretToken();
  const link = `${origin}/sign-in-link#token=${encodeURIComponent(token)}`;
  await inTransaction(ctx, async (em, changes) => {
    em.create(SignInLink, { tokenHash: hashToken(token), person: person.id, expiresAt: new Date(Date.now() + SIGN_IN_LINK_TTL_MS) });
    await queueMail(em, changes, {
      to: { id: person.id, email: person.email, locale: person.locale },
      kind: MailKind.SignInLink,
      render: (locale) => {
        const t = mailText(locale);
        return { subject: t.signInSubject, heading: t.signInHeading, paragraphs: [t.signInBody], action: { label: t.signInAction, url: link }, footer: [t.footer] };
      },
    });
  });
}

/** Uses a link (once: of two concurrent uses one wins) and returns its enabled person. */
export async function useSignInLink(ctx: UnitOfWork, token: string): Promise<Person> {
  const unusable = () =>
    badInput('This sign-in link cannot be used (expired, used or unknown); ask for a new one', [
      { field: 'token', rule: 'unusable', message: 'expired, used or unknown' },
    ]);
  if (token.length === 0 || token.length > 100) throw unusable();
  const claimed = await ctx.em.execute<{ person_id: string }[]>(
    `update sign_in_link set used_at = now(), updated_at = now()
      where token_hash = ? and used_at is null and expires_at > now() returning person_id`,
    [hashToken(token)],
  );
  const person = claimed[0] ? await ctx.em.findOne(Person, { id: claimed[0].person_id, disabledAt: null }) : null;
  if (!person || !LINK_ROLES.includes(person.role)) throw unusable();
  return person;
}
