// POST /api/templates/:slug/use — copies a template into the caller's workspace; 201 with the new workflow.
// The JSON body `{ name? }` is optional.
import { getDb } from '@/db';
import { readJsonBody } from '@/lib/api/read-json-body';
import { withApi } from '@/lib/api/with-api';
import { useTemplateSchema } from '@/lib/templates/schemas';
// NOTE: renamed on import: React's lint rules take any `use…` call for a hook.
import { useTemplate as copyTemplate } from '@/lib/templates/use-template';

export const POST = withApi({ auth: 'sessionOrApiKey' }, async ({ req, scope, params }) => {
  const body =
    req.headers.get('content-length') === '0' || !req.headers.get('content-type')
      ? {}
      : useTemplateSchema.parse(await readJsonBody(req));
  return Response.json(await copyTemplate(await getDb(), scope, String(params.slug).slice(0, 120), body), {
    status: 201,
  });
});
