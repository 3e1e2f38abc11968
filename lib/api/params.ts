// Route parameters: an id that is not a UUID cannot name anything, so it is a 404 (never a database error).
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { INT32_MAX } from './schemas';

const uuid = z.uuid();

export function idParam(params: Record<string, string | string[]>, name = 'id'): string {
  const value = params[name];
  if (typeof value !== 'string' || !uuid.safeParse(value).success) throw new AppError('not_found', 'Not found');
  return value;
}

export function intParam(params: Record<string, string | string[]>, name: string): number {
  const value = Number(params[name]);
  if (!Number.isInteger(value) || value < 1 || value > INT32_MAX) throw new AppError('not_found', 'Not found');
  return value;
}
