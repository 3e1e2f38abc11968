// IANA time zones: the list offered in the profile, and the check every stored or cookie zone goes through.
const supported = new Set<string>(Intl.supportedValuesOf('timeZone'));

/** Every zone the runtime knows, for the profile's time zone picker (UTC first). */
export function timeZoneNames(): string[] {
  return ['UTC', ...[...supported].filter((zone) => zone !== 'UTC')];
}

/** True for a zone Intl can format in, spelled as Intl spells it (canonical names, `UTC`, known aliases). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  if (supported.has(value) || value === 'UTC') return true;
  try {
    // Intl also takes `europe/paris`; only the spelling it reports back is stored, so the picker can show it.
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone === value;
  } catch {
    return false;
  }
}
