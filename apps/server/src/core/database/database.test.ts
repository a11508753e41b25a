import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { migrationsList } from '../../migrations/index.ts';
import { admin, databaseUrl, dropDatabase } from '../../testing/test-database.ts';
import { createLogger } from '../logger.ts';
import { connectOrm, migrate } from './database.ts';

describe('migrate', () => {
  const adminUrl = inject('testDatabaseAdminUrl');
  const name = `ecohub_test_migrate_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const logger = createLogger({ logLevel: 'silent' });

  beforeAll(() => admin(adminUrl, `create database "${name}"`));
  afterAll(() => dropDatabase(adminUrl, name));

  it('lets two replicas starting together migrate one empty database, each migration applied once', async () => {
    const replicas = await Promise.all([connectOrm(databaseUrl(adminUrl, name), logger), connectOrm(databaseUrl(adminUrl, name), logger)]);
    try {
      const results = await Promise.allSettled(replicas.map((orm) => migrate(orm, logger)));
      expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok'))).toEqual(['ok', 'ok']);
      const applied = await replicas[0]!.em.getConnection().execute<{ name: string }[]>('select name from mikro_orm_migrations order by id');
      expect(applied.map((row) => row.name)).toEqual(migrationsList.map((migration) => migration.name));
    } finally {
      await Promise.all(replicas.map((orm) => orm.close()));
    }
  });
});
