'use client';
// Settings → Profile form: display name, preferred language and time zone, saved through PATCH /api/me/profile.
// Saving another language switches the interface to it; "browser's zone" clears the stored zone.
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { callApi } from '@/lib/client/call-api';
import { type Locale, localeNames, locales } from '@/lib/i18n/locales';
import { usePathname, useRouter } from '@/lib/i18n/navigation';

const subscribeToNothing = () => () => {};
const readBrowserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;

type Props = { name: string | null; locale: string | null; timeZone: string | null; zones: string[] };

export function ProfileForm({ name, locale, timeZone, zones }: Props) {
  const t = useTranslations('app.profilePage');
  const current = useLocale() as Locale;
  const router = useRouter();
  const pathname = usePathname();
  const [language, setLanguage] = useState<Locale>(
    (locales as readonly string[]).includes(locale ?? '') ? (locale as Locale) : current,
  );
  const [zone, setZone] = useState(timeZone ?? '');
  const [search, setSearch] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const browserZone = useSyncExternalStore(subscribeToNothing, readBrowserZone, () => null);

  const shownZones = useMemo(() => {
    const needle = search.trim().toLowerCase().replace(/\s+/g, '_');
    const matches = needle ? zones.filter((candidate) => candidate.toLowerCase().includes(needle)) : zones;
    return zone && !matches.includes(zone) ? [zone, ...matches] : matches;
  }, [search, zones, zone]);

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    setPending(true);
    setErrors({});
    const result = await callApi('/api/me/profile', {
      method: 'PATCH',
      json: { name: String(data.get('name') ?? ''), locale: language, timeZone: zone || null },
    });
    setPending(false);
    if (!result.ok) {
      const issues = result.error.details?.issues ?? [];
      setErrors(issues.length ? Object.fromEntries(issues.map((issue) => [issue.path, issue.message])) : {});
      toast(result.error.message, 'error');
      return;
    }
    toast(t('saved'));
    if (language !== current) router.replace(pathname, { locale: language });
    else router.refresh();
  }

  return (
    <form
      className="mt-8 space-y-6"
      data-testid="profile-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save(event.currentTarget);
      }}
    >
      <Field label={t('nameLabel')} hint={t('nameHint')} error={errors.name}>
        {(control) => (
          <input
            {...control}
            name="name"
            defaultValue={name ?? ''}
            maxLength={100}
            autoComplete="name"
            className={inputClass}
            data-testid="profile-name"
          />
        )}
      </Field>
      <Field label={t('languageLabel')} hint={t('languageHint')} error={errors.locale}>
        {(control) => (
          <select
            {...control}
            name="locale"
            value={language}
            onChange={(event) => setLanguage(event.target.value as Locale)}
            className={inputClass}
            data-testid="profile-locale"
          >
            {locales.map((code) => (
              <option key={code} value={code} lang={code}>
                {localeNames[code]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t('timeZoneLabel')}</legend>
        <p className="text-xs text-fg-subtle">{t('timeZoneHint')}</p>
        <Field label={t('timeZoneSearch')}>
          {(control) => (
            <input
              {...control}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder="Europe/Paris"
              className={inputClass}
              dir="ltr"
              data-testid="profile-zone-search"
            />
          )}
        </Field>
        <Field label={t('timeZoneChoice')} error={errors.timeZone}>
          {(control) => (
            <select
              {...control}
              name="timeZone"
              value={zone}
              onChange={(event) => setZone(event.target.value)}
              className={inputClass}
              data-testid="profile-zone"
            >
              <option value="">
                {browserZone ? t('browserZone', { zone: browserZone }) : t('browserZoneUnknown')}
              </option>
              {shownZones.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {candidate.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        {search && shownZones.length === 0 ? <p className="text-sm text-fg-subtle">{t('noZoneMatches')}</p> : null}
      </fieldset>
      <Button type="submit" variant="primary" pending={pending} pendingText={t('saving')} data-testid="profile-save">
        {t('save')}
      </Button>
    </form>
  );
}
