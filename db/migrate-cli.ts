// `npm run db:migrate`: applies pending migrations to the database the environment names.
import { parseEnv } from '../lib/env';
import { openDatabase } from './client';
import { migrateToLatest } from './migrate';

const { db, driver } = await openDatabase(parseEnv(process.env));
try {
  const applied = await migrateToLatest(db);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) on ${driver}: ${applied.join(', ')}`
      : `Database (${driver}) is up to date`,
  );
} finally {
  await db.destroy();
}
