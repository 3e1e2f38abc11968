'use client';
// "Use" in the app's template gallery: copies the template with the same server action as the public template page.
// NOTE: the `templates` messages are not sent to the browser, so the page passes the labels in.
import { useActionState } from 'react';
import { useTemplateAction, type UseTemplateState } from '@/app/[locale]/(site)/templates/[slug]/actions';
import { buttonClass } from '@/components/ui/button';

export type GalleryUseLabels = {
  use: string;
  using: string;
  errors: Record<'forbidden' | 'limit' | 'generic', string>;
};

type Props = { slug: string; locale: string; title: string; labels: GalleryUseLabels };

export function GalleryUseButton({ slug, locale, title, labels }: Props) {
  const [state, formAction, pending] = useActionState<UseTemplateState, FormData>(useTemplateAction, null);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="locale" value={locale} />
      <button
        type="submit"
        className={buttonClass({ variant: 'primary', size: 'sm' })}
        disabled={pending}
        aria-busy={pending}
        data-testid="gallery-use"
      >
        {pending ? labels.using : labels.use}
        <span className="sr-only"> {title}</span>
      </button>
      {state?.ok === false ? (
        <p role="alert" className="text-sm text-danger">
          {labels.errors[state.error]}
        </p>
      ) : null}
    </form>
  );
}
