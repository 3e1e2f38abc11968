// The newest emails in the outbox, for the development mailbox.
import 'server-only';
import type { Db } from '@/db/client';

export async function listOutbox(db: Db, limit = 50) {
  return db
    .selectFrom('email_outbox')
    .select(['id', 'to_address', 'subject', 'text', 'kind', 'status', 'created_at'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
