'use client';
// Adds a connection, or replaces an existing one's secret fields, in a dialog (POST /api/connectors/credentials).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { callApi, errorText } from '@/lib/client/call-api';
import { type ConnectionKind, connectionKinds, kindFields } from './connection-kinds';

type Props = { existing?: { name: string; connector: ConnectionKind; hint: string | null }; taken: string[] };

export function ConnectionFormButton({ existing, taken }: Props) {
  const t = useTranslations('app.connectionsPage');
  const tApp = useTranslations('app');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<ConnectionKind>(existing?.connector ?? 'slack');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  function start() {
    setName(existing?.name ?? '');
    setKind(existing?.connector ?? 'slack');
    setValues({});
    setErrors({});
    setOpen(true);
  }

  async function save() {
    if (!existing && taken.includes(name.trim())) return setErrors({ name: t('add.exists', { name: name.trim() }) });
    const fields = Object.fromEntries(
      kindFields[kind].filter((field) => values[field.name]?.trim()).map((field) => [field.name, values[field.name]]),
    );
    setPending(true);
    const result = await callApi('/api/connectors/credentials', { json: { name, connector: kind, fields } });
    setPending(false);
    if (!result.ok) {
      const issues = result.error.details?.issues ?? [];
      const byField = Object.fromEntries(issues.map((issue) => [issue.path.replace(/^fields\./, ''), issue.message]));
      return setErrors(issues.length ? byField : { form: errorText(result.error, tApp('errors.generic')) });
    }
    setOpen(false);
    toast(t(existing ? 'edit.saved' : 'add.saved', { name: name.trim() }));
    router.refresh();
  }

  const title = existing ? t('edit.title', { name: existing.name }) : t('add.button');
  return (
    <>
      {existing ? (
        <Button
          size="sm"
          onClick={start}
          aria-label={t('edit.buttonLabel', { name: existing.name })}
          data-testid="connection-edit"
        >
          {t('edit.button')}
        </Button>
      ) : (
        <Button variant="primary" onClick={start} data-testid="connection-add">
          {t('add.button')}
        </Button>
      )}
      {open ? (
        <Dialog
          title={title}
          onClose={() => setOpen(false)}
          busy={pending}
          testId="connection-dialog"
          footer={
            <>
              <Button disabled={pending} onClick={() => setOpen(false)}>
                {t('form.cancel')}
              </Button>
              <Button variant="primary" pending={pending} onClick={() => void save()} data-testid="connection-save">
                {existing ? t('edit.save') : t('add.save')}
              </Button>
            </>
          }
        >
          {existing ? (
            <p>{t('form.replaceIntro')}</p>
          ) : (
            <>
              <Field label={t('form.name')} hint={t('form.nameHint')} error={errors.name}>
                {(control) => (
                  <input
                    {...control}
                    className={inputClass}
                    value={name}
                    maxLength={80}
                    dir="auto"
                    onChange={(event) => setName(event.target.value)}
                  />
                )}
              </Field>
              <Field label={t('form.kind')} error={errors.connector}>
                {(control) => (
                  <select
                    {...control}
                    className={inputClass}
                    value={kind}
                    onChange={(event) => (setKind(event.target.value as ConnectionKind), setValues({}))}
                  >
                    {connectionKinds.map((option) => (
                      <option key={option} value={option}>
                        {t(`kinds.${option}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          )}
          {kindFields[kind].map((field) => (
            <Field
              key={`${kind}-${field.name}`}
              label={t(`fields.${field.name}.label` as 'fields.token.label')}
              hint={
                <>
                  {t(`fields.${field.name}.hint` as 'fields.token.hint')}
                  {existing && field.secret ? (
                    <span className="mt-1 block">
                      {t('form.current', { value: `${t('secretSet')}${existing.hint ? ` ${existing.hint}` : ''}` })}
                    </span>
                  ) : null}
                </>
              }
              error={errors[field.name]}
            >
              {(control) => (
                <input
                  {...control}
                  type={field.secret ? 'password' : 'url'}
                  autoComplete="off"
                  dir="ltr"
                  className={`${inputClass} font-mono`}
                  placeholder={field.placeholder}
                  value={values[field.name] ?? ''}
                  data-field={field.name}
                  onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))}
                />
              )}
            </Field>
          ))}
          {errors.form || errors.fields ? (
            <p role="alert" className="text-danger">
              {errors.form ?? errors.fields}
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </>
  );
}
