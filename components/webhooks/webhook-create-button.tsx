'use client';
// Adds a webhook in a dialog (POST /api/webhooks): URL, events, description; then shows the signing secret once.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { callApi, errorText } from '@/lib/client/call-api';
import { type WebhookEventType, webhookEventTypes } from '@/lib/webhooks/event-types';

export function WebhookCreateButton() {
  const t = useTranslations('app.webhooksPage');
  const tApp = useTranslations('app');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['run.failed']);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  function start() {
    setUrl('');
    setEvents(['run.failed']);
    setDescription('');
    setErrors({});
    setSecret(null);
    setCopied(false);
    setOpen(true);
  }

  function close() {
    setOpen(false);
    if (secret) router.refresh();
  }

  async function save() {
    setPending(true);
    const result = await callApi<{ secret: string }>('/api/webhooks', {
      json: { url: url.trim(), events, description: description.trim() || null },
    });
    setPending(false);
    if (!result.ok) {
      const issues = result.error.details?.issues ?? [];
      const byField = Object.fromEntries(issues.map((issue) => [issue.path.split('.')[0]!, issue.message]));
      return setErrors(issues.length ? byField : { form: errorText(result.error, tApp('errors.generic')) });
    }
    setSecret(result.data.secret);
  }

  const toggle = (event: WebhookEventType, checked: boolean) =>
    setEvents((current) => (checked ? [...current, event] : current.filter((item) => item !== event)));

  return (
    <>
      <Button variant="primary" onClick={start} data-testid="webhook-add">
        {t('add.button')}
      </Button>
      {open ? (
        <Dialog
          title={secret ? t('secret.title') : t('add.title')}
          onClose={close}
          busy={pending}
          testId="webhook-dialog"
          footer={
            secret ? (
              <Button variant="primary" onClick={close} data-testid="webhook-secret-done">
                {t('secret.done')}
              </Button>
            ) : (
              <>
                <Button disabled={pending} onClick={close}>
                  {t('form.cancel')}
                </Button>
                <Button variant="primary" pending={pending} onClick={() => void save()} data-testid="webhook-save">
                  {t('add.save')}
                </Button>
              </>
            )
          }
        >
          {secret ? (
            <div role="status">
              <p>{t('secret.body')}</p>
              <div className="mt-3 flex flex-wrap items-center gap-2">
                <code
                  className="break-all rounded-lg bg-surface px-3 py-2 font-mono text-sm text-fg"
                  dir="ltr"
                  data-testid="webhook-secret"
                >
                  {secret}
                </code>
                <Button
                  size="sm"
                  onClick={() =>
                    navigator.clipboard?.writeText(secret).then(
                      () => setCopied(true),
                      () => setCopied(false),
                    )
                  }
                >
                  <span aria-live="polite">{copied ? t('secret.copied') : t('secret.copy')}</span>
                </Button>
              </div>
            </div>
          ) : (
            <>
              <Field label={t('form.url')} hint={t('form.urlHint')} error={errors.url}>
                {(control) => (
                  <input
                    {...control}
                    type="url"
                    dir="ltr"
                    autoComplete="off"
                    className={`${inputClass} font-mono`}
                    placeholder="https://hooks.zapier.com/hooks/catch/…"
                    value={url}
                    maxLength={2048}
                    data-testid="webhook-url"
                    onChange={(event) => setUrl(event.target.value)}
                  />
                )}
              </Field>
              <fieldset>
                <legend className="text-sm font-medium text-fg">{t('form.events')}</legend>
                <div className="mt-2 space-y-2">
                  {webhookEventTypes.map((event) => (
                    <label key={event} className="flex items-start gap-2">
                      <input
                        type="checkbox"
                        className="mt-1"
                        checked={events.includes(event)}
                        data-event={event}
                        onChange={(change) => toggle(event, change.target.checked)}
                      />
                      <span>
                        <span className="font-medium text-fg">{t(`events.${event}`)}</span>
                        <span className="block font-mono text-xs text-fg-subtle" dir="ltr">
                          {event}
                        </span>
                      </span>
                    </label>
                  ))}
                </div>
                {errors.events ? (
                  <p className="mt-1 text-sm text-danger" data-testid="field-error">
                    {errors.events}
                  </p>
                ) : null}
              </fieldset>
              <Field label={t('form.description')} error={errors.description}>
                {(control) => (
                  <input
                    {...control}
                    className={inputClass}
                    value={description}
                    maxLength={200}
                    dir="auto"
                    onChange={(event) => setDescription(event.target.value)}
                  />
                )}
              </Field>
              {errors.form ? (
                <p role="alert" className="text-sm text-danger">
                  {errors.form}
                </p>
              ) : null}
            </>
          )}
        </Dialog>
      ) : null}
    </>
  );
}
