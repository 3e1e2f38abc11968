// Public API v1 operations of templates: declarations only (schemas from lib/<domain>/schemas.ts); routes build on them.
import { defineOperation, type V1Operation } from '@/lib/api/v1/operation';
import { pageSchema } from '@/lib/api/v1/schemas';
import {
  listTemplatesV1QuerySchema,
  templateDetailSchema,
  templateSchema,
  templateSlugParams,
  templateWorkflowSchema,
  useTemplateSchema,
} from '@/lib/templates/schemas';

export const listTemplatesOperation = defineOperation({
  operationId: 'listTemplates',
  method: 'get',
  path: '/api/v1/templates',
  tag: 'Templates',
  summary: 'List templates',
  description:
    'The template library: built-in templates, then shared ones a reviewer approved, by category or words, with titles in the chosen language.',
  scope: 'read',
  query: listTemplatesV1QuerySchema,
  responses: { 200: { description: 'A page of templates', schema: pageSchema(templateSchema, 'TemplatePage') } },
});

export const getTemplateOperation = defineOperation({
  operationId: 'getTemplate',
  method: 'get',
  path: '/api/v1/templates/{slug}',
  tag: 'Templates',
  summary: 'Get a template',
  description: 'One template with its steps in plain words, the connections it needs and its full definition.',
  scope: 'read',
  params: templateSlugParams,
  query: listTemplatesV1QuerySchema.pick({ locale: true }),
  responses: { 200: { description: 'The template', schema: templateDetailSchema } },
});

export const useTemplateOperation = defineOperation({
  operationId: 'useTemplate',
  method: 'post',
  path: '/api/v1/templates/{slug}/use',
  tag: 'Templates',
  summary: 'Use a template',
  description:
    "Copies the template into your workspace as a new workflow, switched off until its setup checklist is done (connections to add, example values to replace). Send `{}` to keep the template's name.",
  scope: 'write',
  params: templateSlugParams,
  body: useTemplateSchema,
  idempotent: true,
  responses: { 201: { description: 'The new workflow and its setup checklist', schema: templateWorkflowSchema } },
  errors: ['limit_reached'],
  requestExample: { name: 'Failed payments to #billing' },
});

export const templatesOperations: readonly V1Operation[] = [
  listTemplatesOperation,
  getTemplateOperation,
  useTemplateOperation,
];
