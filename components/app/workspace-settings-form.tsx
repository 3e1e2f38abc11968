'use client';
// Renames the workspace and chooses who may decide approvals (PATCH /api/workspace); the switcher shows the new name.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { callApi, errorText } from '@/lib/client/call-api';

type Approvers = 'admins' | 'members';

export function WorkspaceSettingsForm({ name, approvers }: { name: string; approvers: Approvers }) {
  const t = useTranslations('app');
  const router = useRouter();
  const [draftName, setDraftName] = useState(name);
  const [draftApprovers, setDraftApprovers] = useState<Approvers>(approvers);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save() {
    setPending(true);
    setErrors({});
    const result = await callApi('/api/workspace', {
      method: 'PATCH',
      json: { name: draftName, approvers: draftApprovers },
    });
    setPending(false);
    if (!result.ok) {
      const issues = result.error.details?.issues ?? [];
      setErrors(
        issues.length
          ? Object.fromEntries(issues.map((issue) => [issue.path || 'form', issue.message]))
          : { form: errorText(result.error, t('errors.generic')) },
      );
      return;
    }
    toast(t('workspacePage.saved'));
    router.refresh();
  }

  return (
    <form
      className="mt-8 space-y-6 rounded-card border border-border p-5"
      data-testid="workspace-settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label={t('workspacePage.name')} error={errors.name}>
        {(control) => (
          <input
            {...control}
            name="name"
            required
            maxLength={80}
            className={inputClass}
            value={draftName}
            onChange={(event) => setDraftName(event.target.value)}
          />
        )}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium">{t('workspacePage.approvers')}</legend>
        <p className="mt-1 text-xs text-fg-subtle">{t('workspacePage.approversHint')}</p>
        <div className="mt-2 space-y-2">
          {(['admins', 'members'] as const).map((option) => (
            <label key={option} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="approvers"
                value={option}
                className="mt-1"
                checked={draftApprovers === option}
                onChange={() => setDraftApprovers(option)}
              />
              {t(`workspacePage.approversOption.${option}`)}
            </label>
          ))}
        </div>
        {errors.approvers ? <p className="mt-1 text-sm text-danger">{errors.approvers}</p> : null}
      </fieldset>
      {errors.form ? (
        <p role="alert" className="text-sm text-danger">
          {errors.form}
        </p>
      ) : null}
      <Button type="submit" variant="primary" pending={pending} data-testid="workspace-save">
        {t('workspacePage.save')}
      </Button>
    </form>
  );
}
