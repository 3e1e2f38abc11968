// Auth.js endpoints (sign-in, callbacks, sign-out, session) — classified "auth" in the route inventory.
export const { GET, POST } = (await import('@/auth')).handlers;
