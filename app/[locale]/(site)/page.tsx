// The public home page: what Levqor does, for whom, and how to start.
import { setRequestLocale } from 'next-intl/server';
import { Audience } from '@/components/home/audience';
import { CallToAction } from '@/components/home/call-to-action';
import { Features } from '@/components/home/features';
import { Hero } from '@/components/home/hero';
import { HowItWorks } from '@/components/home/how-it-works';

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
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
