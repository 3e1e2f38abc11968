import { describe, expect, it } from 'vitest';
import { afterSignInPath, isSameSitePath } from '@/lib/auth/safe-redirect';

describe('after sign-in redirects', () => {
  it('follows same-site paths only', () => {
    expect(afterSignInPath('de', '/de/settings/api-keys')).toBe('/de/settings/api-keys');
    expect(afterSignInPath('de', '//evil.example/x')).toBe('/de/dashboard');
    expect(afterSignInPath('de', 'https://evil.example')).toBe('/de/dashboard');
    expect(afterSignInPath('en', undefined)).toBe('/dashboard');
    expect(isSameSitePath(null)).toBe(false);
  });
});
