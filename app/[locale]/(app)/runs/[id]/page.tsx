// One run: its step timeline (every attempt with input, output, error and duration), approvals, cancel and replay; live
// while it runs; once it failed, the debug assistant ("Explain this failure").
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { DebugAssistant } from '@/components/ai/debug-assistant';
import { RunLive } from '@/components/runs/run-live';
import type { RunView } from '@/components/runs/run-view';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { orNotFound, pageId } from '@/lib/workflows/page-params';
import { getRun } from '@/lib/workflows/runs/get-run';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('runs'))('runTitle') };
}

export default async function RunPage({ params }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const id = pageId(rawId);
  const scope = await requireSessionScope(locale, `/runs/${id}`);
  const run = await orNotFound(getRun(await getDb(), scope, id));
  return (
    <RunLive
      key={run.id}
      initial={JSON.parse(JSON.stringify(run)) as RunView}
      whenFailed={<DebugAssistant runId={run.id} payload={run.payload} />}
    />
  );
}
