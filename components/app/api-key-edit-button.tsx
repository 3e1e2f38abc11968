'use client';
// Edits an API key's name and scopes in a dialog (PATCH /api/api-keys/:id), then refreshes the list.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { callApi, errorText } from '@/lib/client/call-api';

const allScopes = ['read', 'write', 'admin'] as const;
type KeyScope = (typeof allScopes)[number];
const scopeLabel = { read: 'scopeRead', write: 'scopeWrite', admin: 'scopeAdmin' } as const;

type Props = { id: string; name: string; scopes: KeyScope[] };

export function ApiKeyEditButton({ id, name, scopes }: Props) {
  const t = useTranslations('app');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [draftName, setDraftName] = useState(name);
  const [draftScopes, setDraftScopes] = useState<KeyScope[]>(scopes);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function start() {
    setDraftName(name);
    setDraftScopes(scopes);
    setError(null);
    setOpen(true);
  }

  async function save() {
    setPending(true);
    setError(null);
    const result = await callApi(`/api/api-keys/${id}`, {
      method: 'PATCH',
      json: { name: draftName, scopes: draftScopes },
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error.details?.issues?.[0]?.message ?? errorText(result.error, t('errors.generic')));
      return;
    }
    setOpen(false);
    toast(t('keys.edit.saved', { name: draftName }));
    router.refresh();
  }

  return (
    <>
      <Button size="sm" onClick={start} aria-label={t('keys.edit.buttonLabel', { name })} data-testid="api-key-edit">
        {t('keys.edit.button')}
      </Button>
      {open ? (
        <Dialog
          title={t('keys.edit.title', { name })}
          onClose={() => setOpen(false)}
          busy={pending}
          testId="api-key-edit-dialog"
          footer={
            <>
              <Button disabled={pending} onClick={() => setOpen(false)}>
                {t('keys.edit.cancel')}
              </Button>
              <Button variant="primary" pending={pending} onClick={() => void save()} data-testid="api-key-edit-save">
                {t('keys.edit.save')}
              </Button>
            </>
          }
        >
          <Field label={t('keys.name')}>
            {(control) => (
              <input
                {...control}
                className={inputClass}
                value={draftName}
                maxLength={80}
                onChange={(event) => setDraftName(event.target.value)}
              />
            )}
          </Field>
          <fieldset>
            <legend className="text-sm font-medium text-fg">{t('keys.scopes')}</legend>
            <p className="mt-1 text-xs text-fg-subtle">{t('keys.edit.scopesHint')}</p>
            <div className="mt-2 flex flex-wrap gap-4">
              {allScopes.map((keyScope) => (
                <label key={keyScope} className="flex items-center gap-2 text-sm text-fg">
                  <input
                    type="checkbox"
                    name="scopes"
                    value={keyScope}
                    checked={draftScopes.includes(keyScope)}
                    onChange={(event) =>
                      setDraftScopes((current) =>
                        event.target.checked ? [...current, keyScope] : current.filter((s) => s !== keyScope),
                      )
                    }
                  />
                  {t(`keys.${scopeLabel[keyScope]}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {error ? (
            <p role="alert" className="text-danger">
              {error}
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </>
  );
}
