// A search box and a row of filter links for a list page: a GET form and plain links, so the search and the filter
// live in the URL (the template gallery, the knowledge browser).
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { Link } from '@/lib/i18n/navigation';

type Props = {
  pathname: '/workflows/templates' | '/help';
  /** The query parameter the filter links set (`category`, `kind`); `key: null` is "all". */
  param: string;
  value?: string;
  q?: string;
  filters: { key: string | null; label: string }[];
  text: { formLabel: string; searchLabel: string; placeholder: string; submit: string; filterLabel: string };
  maxLength: number;
  testIds: { search: string; submit?: string; filter?: string };
};

export function SearchFilters({ pathname, param, value, q, filters, text, maxLength, testIds }: Props) {
  return (
    <div className="mt-6 space-y-4">
      <form method="get" role="search" aria-label={text.formLabel} className="flex flex-wrap items-end gap-2">
        {value ? <input type="hidden" name={param} value={value} /> : null}
        <label className="w-96 max-w-full text-sm font-medium">
          {text.searchLabel}
          <input
            type="search"
            name="q"
            defaultValue={q}
            maxLength={maxLength}
            placeholder={text.placeholder}
            className={`mt-1 block ${inputClass}`}
            data-testid={testIds.search}
          />
        </label>
        <button type="submit" className={buttonClass()} data-testid={testIds.submit}>
          {text.submit}
        </button>
      </form>
      <nav aria-label={text.filterLabel}>
        <ul className="flex flex-wrap gap-2">
          {filters.map(({ key, label }) => {
            const active = (key ?? undefined) === value;
            const query = { ...(key ? { [param]: key } : {}), ...(q ? { q } : {}) };
            return (
              <li key={key ?? 'all'}>
                <Link
                  href={{ pathname, query }}
                  aria-current={active ? 'page' : undefined}
                  className={`inline-block rounded-full border px-3 py-1 text-sm font-medium ${active ? 'border-transparent bg-brand-gradient text-slate-950' : 'border-border-strong text-fg-muted hover:bg-surface-raised hover:text-fg'}`}
                  data-testid={testIds.filter}
                >
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
