import 'server-only';
// For app pages: a route id that is not a UUID, or a record the workspace does not have, is the 404 page.
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AppError } from '@/lib/errors';

export function pageId(value: string): string {
  if (!z.uuid().safeParse(value).success) notFound();
  return value;
}

export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}
