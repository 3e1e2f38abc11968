import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';

// NOTE: next-intl's middleware does not load under vitest's ESM resolver; locale routing is not what is tested here.
vi.mock('next-intl/middleware', () => ({
  default: () => () => new Response(null, { headers: { 'x-passed-to': 'intl' } }),
}));
const { default: proxy } = await import('@/proxy');

const id = '7b0c2a36-5a2f-4a43-9d5b-0d6c1f8e2a11';
const visit = (path: string, cookie?: string) =>
  proxy(new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} }));
const signInRedirect = (response: Response) => {
  const location = response.headers.get('location');
  if (location) return new URL(location).pathname.endsWith('/signin');
  expect(response.headers.get('x-passed-to')).toBe('intl');
  return false;
};

describe('proxy: the emailed approval link', () => {
  it('lets a signed approval link through without a session, in any locale', () => {
    expect(signInRedirect(visit(`/approvals/${id}?token=abcdefghijklmnopqrstuvwxyz`))).toBe(false);
    expect(signInRedirect(visit(`/de/approvals/${id}?token=abcdefghijklmnopqrstuvwxyz`))).toBe(false);
  });

  it('still sends visitors without a session to sign-in for the inbox and tokenless links', () => {
    expect(signInRedirect(visit('/approvals'))).toBe(true);
    expect(signInRedirect(visit(`/approvals/${id}`))).toBe(true);
    expect(signInRedirect(visit('/approvals?token=abcdefghijklmnopqrstuvwxyz'))).toBe(true);
    expect(signInRedirect(visit(`/approvals/${id}/other?token=abcdefghijklmnopqrstuvwxyz`))).toBe(true);
  });

  it('treats the failure queue as a private page', () => {
    expect(signInRedirect(visit('/failure-queue'))).toBe(true);
    expect(signInRedirect(visit('/failure-queue', 'authjs.session-token=x'))).toBe(false);
  });
});
