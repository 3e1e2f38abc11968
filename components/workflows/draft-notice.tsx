'use client';
// "Unsaved changes restored from <time> — Discard", and when the saved version moved on since: keep my draft / load the saved one.
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Time } from '@/components/ui/time';
import type { RestoredDraft } from './use-workflow-draft';

type Props = {
  restored: RestoredDraft;
  currentVersion: number;
  onDiscard: () => void;
  onKeep: () => void;
};

export function DraftNotice({ restored, currentVersion, onDiscard, onKeep }: Props) {
  const t = useTranslations('workflows.draft');
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-warning/50 bg-warning/10 px-4 py-3 text-sm"
      data-testid="draft-notice"
      data-conflict={restored.conflict}
    >
      <p className="min-w-0 flex-1">
        {t.rich('restored', { time: () => <Time value={restored.updatedAt} relative /> })}
        {restored.conflict ? (
          <span className="mt-1 block font-medium" data-testid="draft-conflict">
            {t('conflict', { base: restored.baseVersion, current: currentVersion })}
          </span>
        ) : null}
      </p>
      {restored.conflict ? (
        <span className="flex flex-wrap gap-2">
          <Button size="sm" onClick={onKeep} data-testid="draft-keep">
            {t('keep')}
          </Button>
          <Button size="sm" onClick={onDiscard} data-testid="draft-load-saved">
            {t('loadSaved', { version: currentVersion })}
          </Button>
        </span>
      ) : (
        <Button size="sm" onClick={onDiscard} data-testid="draft-discard">
          {t('discard')}
        </Button>
      )}
    </div>
  );
}
