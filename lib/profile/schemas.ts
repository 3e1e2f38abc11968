// The profile's boundary schema: display name, preferred language and time zone (null clears a choice).
import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';
import { isTimeZone } from '@/lib/i18n/time-zones';

export const updateProfileSchema = z
  .strictObject({
    name: z.string().trim().max(100, 'Keep the name under 100 characters').nullable().optional(),
    locale: z.enum(locales).nullable().optional(),
    timeZone: z
      .string()
      .refine(isTimeZone, 'Choose a time zone from the list (for example Europe/Paris)')
      .nullable()
      .optional(),
  })
  .refine((profile) => Object.keys(profile).length > 0, 'Send at least one of name, locale or timeZone');

export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export type Profile = { email: string; name: string | null; locale: string | null; timeZone: string | null };
