// Lets a visitor see prices in another currency (a plain GET form: works without JavaScript).
import { getTranslations } from 'next-intl/server';
import type { Region } from '@/lib/billing/regions';
import { buttonClass } from '@/components/ui/button';

export async function RegionPicker({ current, choices }: { current: Region; choices: Region[] }) {
  const t = await getTranslations('pricing');
  return (
    <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
      <label className="block">
        <span className="block text-fg-muted">{t('regionLabel')}</span>
        <select
          name="region"
          defaultValue={current.id}
          className="mt-1 rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg"
          data-testid="region-select"
        >
          {choices.map((region) => (
            <option key={region.id} value={region.id}>
              {t(`regions.${region.id}`)} · {region.currency.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass({ size: 'sm' })}>
        {t('regionChange')}
      </button>
    </form>
  );
}
