// GET /api/admin/tenants — search workspaces by name, id or member email, with the lifecycle events each allows.
import { getDb } from '@/db';
import { searchTenants, searchTenantsQuerySchema } from '@/lib/admin/search-tenants';
import { withApi } from '@/lib/api/with-api';

export const GET = withApi({ auth: 'admin', query: searchTenantsQuerySchema }, async ({ query }) =>
  Response.json({ data: await searchTenants(await getDb(), query) }),
);
