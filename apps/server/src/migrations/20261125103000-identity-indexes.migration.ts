import { Migration } from '@mikro-orm/migrations';

/**
 * Identity: revoking a person's sessions (disable, role change, password change) and replacing
 * their open invitations look rows up by person.
 */
export class Migration20261125103000 extends Migration {
  override name = 'Migration20261125103000_identity_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "session_person_id_index" on "session" ("person_id");`);
    this.addSql(`create index "invitation_person_id_index" on "invitation" ("person_id");`);
  }
}
