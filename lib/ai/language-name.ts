// The English name of a locale's language, for telling the model which language to answer in ("zh" → "Chinese").
const names = new Intl.DisplayNames(['en'], { type: 'language' });

export function languageName(locale: string): string {
  try {
    return names.of(locale) ?? 'English';
  } catch {
    return 'English';
  }
}
