// Template schemas: the slug, the library's queries, "use this template", and the shapes the API answers with.
import 'zod-openapi';
import { z } from 'zod';
import { pageQuery } from '@/lib/api/v1/schemas';
import { locales } from '@/lib/i18n/locales';
import { connectorTypes } from '@/lib/workflows/credentials/schemas';
import { workflowDetailSchema } from '@/lib/workflows/schemas';
import { templateCategories } from './define-template';

/** A template's slug: lower-case words joined by dashes (built-in ones, or a shared one's title plus a suffix). */
export const templateSlugSchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .meta({ description: "The template's slug", example: 'failed-payment-slack-alert' });

/** `{ slug }` in the path: one that does not parse names no template (404). */
export const templateSlugParams = z.object({ slug: templateSlugSchema });

const localeQuery = z.enum(locales).default('en').meta({ description: 'The language of titles and descriptions' });

/** GET /api/templates: the library by category, in a locale. */
export const listTemplatesQuerySchema = z.object({
  category: z.enum(templateCategories).optional(),
  locale: localeQuery,
});

/** GET /api/templates/:slug. */
export const templateDetailQuerySchema = z.object({ locale: localeQuery });

/** GET /api/v1/templates: the library by category and words, in a locale, a page at a time. */
export const listTemplatesV1QuerySchema = z.object({
  category: z.enum(templateCategories).optional().meta({ description: 'Only templates of this category' }),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Words the title, summary or apps contain (any case)', example: 'slack' }),
  locale: localeQuery,
  ...pageQuery,
});
export type ListTemplatesV1Query = z.infer<typeof listTemplatesV1QuerySchema>;

/** POST /api/templates/:slug/use (and v1): the new workflow's name, else the template's. */
export const useTemplateSchema = z
  .object({ name: z.string().trim().min(1).max(120).optional().meta({ description: "The new workflow's name" }) })
  .meta({ example: { name: 'Failed payments to #billing' } });
export type UseTemplateInput = z.infer<typeof useTemplateSchema>;

/** The template page's "Use this template" form. */
export const useTemplateActionSchema = z.object({ slug: z.string().trim().min(1).max(120), locale: z.enum(locales) });

const templateTrigger = z
  .object({
    type: z.string().meta({ description: '`manual`, `schedule`, `webhook` or `event`' }),
    cron: z.string().optional().meta({ description: 'Schedules only: the five-field cron expression' }),
    timezone: z.string().optional().meta({ description: 'Schedules only: the IANA time zone it is read in' }),
  })
  .strict();

const templateConnector = z
  .object({
    type: z.enum(connectorTypes),
    credential: z.string().meta({ description: 'The connection name the steps use; add one with this name' }),
  })
  .strict();

/** A library card. */
export const templateSchema = z
  .object({
    slug: templateSlugSchema,
    source: z.enum(['builtin', 'shared']).meta({ description: 'Built in, or shared by a workspace and reviewed' }),
    category: z.enum(templateCategories).nullable(),
    title: z.string(),
    summary: z.string(),
    trigger: templateTrigger,
    connectors: z.array(templateConnector).meta({ description: 'Connections to add before the copy can run' }),
    apps: z.array(z.string()).meta({ description: 'Outside services the template calls' }),
    stepCount: z.number().int(),
  })
  .strict()
  .meta({
    id: 'Template',
    description: 'A ready-made workflow in the library',
    example: {
      slug: 'failed-payment-slack-alert',
      source: 'builtin',
      category: 'alerts',
      title: 'Failed payment → Slack alert',
      summary: 'Posts to Slack when a card payment fails.',
      trigger: { type: 'webhook' },
      connectors: [{ type: 'slack', credential: 'slack-alerts' }],
      apps: ['Stripe', 'Slack'],
      stepCount: 2,
    },
  });

/** A template with its steps and the full definition a copy starts from. */
export const templateDetailSchema = templateSchema
  .extend({
    steps: z.array(
      z
        .object({
          id: z.string(),
          type: z.string(),
          description: z.string().nullable().meta({ description: 'What the step does, in plain words' }),
        })
        .strict(),
    ),
    definition: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The workflow definition a copy starts from (the format POST /api/v1/workflows takes)' }),
  })
  .strict()
  .meta({ id: 'TemplateDetail', description: 'A template with its steps and definition' });

const setupItem = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('connection'),
      done: z.boolean(),
      stepId: z.string(),
      path: z.string(),
      connector: z.string(),
      credential: z.string().meta({ description: 'Add a connection of this name' }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('field'),
      done: z.boolean(),
      stepId: z.string(),
      path: z.string().meta({ description: 'Where the example value is: `steps.1.config.url`' }),
      field: z.string(),
      value: z.string().meta({ description: 'The example value to replace' }),
      secret: z.boolean().meta({ description: 'It stands for a key or token: use a connection' }),
    })
    .strict(),
  z.object({ kind: z.literal('test_run'), done: z.boolean() }).strict(),
]);

/** What a copied template needs before it can be switched on. */
export const setupChecklistSchema = z
  .object({
    items: z.array(setupItem),
    blocking: z
      .array(
        z
          .object({
            path: z.string(),
            message: z.string(),
            code: z.string(),
            params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
            severity: z.enum(['error', 'warning']).optional(),
          })
          .strict(),
      )
      .meta({ description: 'What stops enabling the workflow, with field paths' }),
  })
  .strict()
  .meta({ id: 'SetupChecklist', description: 'Connections to add and example values to replace before enabling' });

/** The answer of "use this template": the new workflow (switched off) and what it needs before it can run. */
export const templateWorkflowSchema = workflowDetailSchema
  .extend({ setup: setupChecklistSchema })
  .meta({ id: 'TemplateWorkflow', description: 'The workflow a template was copied into, with its setup checklist' });
