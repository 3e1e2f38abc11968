// POST /api/workflows/validate — checks a definition without saving it (the editor shows the issues, incl. warnings).
import { withApi } from '@/lib/api/with-api';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translateIssues } from '@/lib/i18n/translate-issues';
import { validateWorkflowSchema } from '@/lib/workflows/schemas';
import { validateDefinition } from '@/lib/workflows/validate-definition';

export const POST = withApi(
  {
    auth: 'sessionOrApiKey',
    body: validateWorkflowSchema,
    maxBodyBytes: 128 * 1024,
  },
  async ({ req, body }) => {
    const result = validateDefinition(body.definition, { workflowId: body.workflowId });
    return Response.json(
      // NOTE: `ok` means it can be saved; `ready` that no error-severity issue (an unfilled placeholder) is left.
      result.ok
        ? {
            ok: true,
            ready: !result.issues.some((issue) => issue.severity !== 'warning'),
            definition: result.definition,
            issues: await translateIssues(result.issues, requestLocale(req)),
          }
        : { ok: false, ready: false, issues: await translateIssues(result.issues, requestLocale(req)) },
    );
  },
);
