// robots.txt: the public site is indexable; the API and private app areas are not.
import type { MetadataRoute } from 'next';
import { getEnv } from '@/lib/env';

export default function robots(): MetadataRoute.Robots {
  const base = getEnv().APP_URL;
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/dev/'] }],
    sitemap: new URL('/sitemap.xml', base).toString(),
    host: base,
  };
}
