// The public home page: what Levqor does, for whom, and how to start.
import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { Audience } from '@/components/home/audience';
import { CallToAction } from '@/components/home/call-to-action';
import { Features } from '@/components/home/features';
import { Hero } from '@/components/home/hero';
import { HowItWorks } from '@/components/home/how-it-works';
import { alternateLanguages, localizedPath } from '@/lib/i18n/urls';

type Props = { params: Promise<{ locale: string }> };

// NOTE: each page names its own canonical URL; a canonical set in the root layout would claim every page is home.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { alternates: { canonical: localizedPath(locale, '/'), languages: alternateLanguages('/') } };
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <>
      <Hero />
      <Features />
      <HowItWorks />
      <Audience />
      <CallToAction />
    </>
  );
}
