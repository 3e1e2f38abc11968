// Public API v1 operations of workflows: declarations only (schemas from lib/workflows/schemas.ts); routes build on them.
import { z } from 'zod';
import { defineOperation, type V1Operation } from '@/lib/api/v1/operation';
import { idPathParams, pageQuery, pageSchema } from '@/lib/api/v1/schemas';
import {
  exampleDefinition,
  importWorkflowSchema,
  listWorkflowsV1QuerySchema,
  updateWorkflowSchema,
  validateWorkflowSchema,
  validationResultSchema,
  versionPathParams,
  workflowDefinitionDocSchema,
  workflowDetailSchema,
  workflowFileOutSchema,
  workflowSchema,
  workflowVersionDetailSchema,
  workflowVersionSchema,
} from '@/lib/workflows/schemas';

const DEFINITION_BYTES = 128 * 1024;

const etagHeader = z.object({
  ETag: z
    .string()
    .meta({ description: 'The current version, quoted: send it as `If-Match` to update', example: '"3"' }),
});
const createdHeaders = etagHeader.extend({
  Location: z
    .string()
    .meta({ description: 'The workflow: `/api/v1/workflows/{id}`', example: '/api/v1/workflows/0b7e…' }),
});

export const listWorkflowsOperation = defineOperation({
  operationId: 'listWorkflows',
  method: 'get',
  path: '/api/v1/workflows',
  tag: 'Workflows',
  summary: 'List workflows',
  description: "The workspace's workflows, most recently changed first, by name, state and trigger.",
  scope: 'read',
  query: listWorkflowsV1QuerySchema,
  responses: { 200: { description: 'A page of workflows', schema: pageSchema(workflowSchema, 'WorkflowPage') } },
});

export const getWorkflowOperation = defineOperation({
  operationId: 'getWorkflow',
  method: 'get',
  path: '/api/v1/workflows/{id}',
  tag: 'Workflows',
  summary: 'Get a workflow',
  description: 'A workflow with the definition of its current version; the ETag names that version.',
  scope: 'read',
  params: idPathParams,
  responses: { 200: { description: 'The workflow', schema: workflowDetailSchema, headers: etagHeader } },
});

export const createWorkflowOperation = defineOperation({
  operationId: 'createWorkflow',
  method: 'post',
  path: '/api/v1/workflows',
  tag: 'Workflows',
  summary: 'Create a workflow',
  description:
    "Saves a definition as a new workflow (version 1), switched on. The workflow validator checks it first and answers 422 with every problem's field path. Beyond the plan's number of workflows the answer is `limit_reached`.",
  scope: 'write',
  body: workflowDefinitionDocSchema,
  maxBodyBytes: DEFINITION_BYTES,
  idempotent: true,
  responses: { 201: { description: 'The new workflow', schema: workflowDetailSchema, headers: createdHeaders } },
  errors: ['limit_reached'],
  requestExample: exampleDefinition,
});

export const updateWorkflowOperation = defineOperation({
  operationId: 'updateWorkflow',
  method: 'put',
  path: '/api/v1/workflows/{id}',
  tag: 'Workflows',
  summary: 'Save a new version',
  description:
    'Saves `definition` as the next version (runs already started keep theirs). Name the version you edited with `If-Match: "<version>"` (412 when it is no longer current) or `expectedVersion` (409 `conflict` when it is not).',
  scope: 'write',
  params: idPathParams,
  body: updateWorkflowSchema,
  maxBodyBytes: DEFINITION_BYTES,
  ifMatch: true,
  responses: {
    200: { description: 'The workflow at its new version', schema: workflowDetailSchema, headers: etagHeader },
  },
  errors: ['conflict'],
  requestExample: { definition: exampleDefinition, expectedVersion: 1 },
});

export const deleteWorkflowOperation = defineOperation({
  operationId: 'deleteWorkflow',
  method: 'delete',
  path: '/api/v1/workflows/{id}',
  tag: 'Workflows',
  summary: 'Delete a workflow',
  description:
    'Deletes the workflow with its versions, runs and snapshots. Refused with `conflict` while runs are queued or running: cancel them first.',
  scope: 'admin',
  params: idPathParams,
  responses: { 204: { description: 'Deleted' } },
  errors: ['conflict'],
});

export const enableWorkflowOperation = defineOperation({
  operationId: 'enableWorkflow',
  method: 'post',
  path: '/api/v1/workflows/{id}/enable',
  tag: 'Workflows',
  summary: 'Switch a workflow on',
  description:
    'Its trigger (schedule, webhook, event) starts runs from now on; a schedule resumes at its next occurrence. Refused with `conflict` while its setup checklist has open items (a missing connection, an unfilled placeholder): `details.issues` lists them.',
  scope: 'write',
  params: idPathParams,
  responses: { 200: { description: 'The workflow, switched on', schema: workflowSchema } },
  errors: ['conflict'],
});

export const disableWorkflowOperation = defineOperation({
  operationId: 'disableWorkflow',
  method: 'post',
  path: '/api/v1/workflows/{id}/disable',
  tag: 'Workflows',
  summary: 'Switch a workflow off',
  description: 'Its trigger starts no more runs; runs already started go on. It can still be run by hand.',
  scope: 'write',
  params: idPathParams,
  responses: { 200: { description: 'The workflow, switched off', schema: workflowSchema } },
});

export const validateWorkflowOperation = defineOperation({
  operationId: 'validateWorkflow',
  method: 'post',
  path: '/api/v1/workflows/validate',
  tag: 'Workflows',
  summary: 'Validate a definition',
  description:
    'Checks a definition without saving it. Problems are the answer, not an error: `valid: false` with every issue (field path, code, message, severity). A valid definition may still list readiness issues: unfilled placeholders (errors that block switching it on) and secret-looking values in plain fields (warnings).',
  scope: 'read',
  body: validateWorkflowSchema,
  maxBodyBytes: DEFINITION_BYTES,
  responses: { 200: { description: 'What the validator found', schema: validationResultSchema } },
  requestExample: { definition: exampleDefinition },
});

export const listWorkflowVersionsOperation = defineOperation({
  operationId: 'listWorkflowVersions',
  method: 'get',
  path: '/api/v1/workflows/{id}/versions',
  tag: 'Workflows',
  summary: 'List versions',
  description: 'The saved versions of a workflow, newest first.',
  scope: 'read',
  params: idPathParams,
  query: z.object(pageQuery),
  responses: {
    200: { description: 'A page of versions', schema: pageSchema(workflowVersionSchema, 'WorkflowVersionPage') },
  },
});

export const getWorkflowVersionOperation = defineOperation({
  operationId: 'getWorkflowVersion',
  method: 'get',
  path: '/api/v1/workflows/{id}/versions/{version}',
  tag: 'Workflows',
  summary: 'Get a version',
  description: 'One saved version with its definition (404 for a version the workflow does not have).',
  scope: 'read',
  params: versionPathParams,
  responses: { 200: { description: 'The version', schema: workflowVersionDetailSchema } },
});

export const exportWorkflowOperation = defineOperation({
  operationId: 'exportWorkflow',
  method: 'get',
  path: '/api/v1/workflows/{id}/export',
  tag: 'Workflows',
  summary: 'Export a workflow',
  description:
    'The current definition as a `levqor.workflow` file, for a download: connections are named, never included, and the webhook secret is not in it.',
  scope: 'read',
  params: idPathParams,
  responses: {
    200: {
      description: 'The workflow file',
      schema: workflowFileOutSchema,
      headers: z.object({
        'Content-Disposition': z.string().meta({
          description: 'A download named after the workflow',
          example: 'attachment; filename="forward-new-orders.levqor.json"',
        }),
      }),
    },
  },
});

export const importWorkflowOperation = defineOperation({
  operationId: 'importWorkflow',
  method: 'post',
  path: '/api/v1/workflows/import',
  tag: 'Workflows',
  summary: 'Import a workflow',
  description:
    "Creates a workflow, switched off, from an exported file or a bare definition. Problems are a 422 whose issue paths point into the body as sent (`definition.steps.1.config.url` in a file). Beyond the plan's number of workflows the answer is `limit_reached`.",
  scope: 'write',
  body: importWorkflowSchema,
  maxBodyBytes: DEFINITION_BYTES,
  idempotent: true,
  responses: {
    201: { description: 'The new workflow, switched off', schema: workflowDetailSchema, headers: createdHeaders },
  },
  errors: ['limit_reached'],
  requestExample: { format: 'levqor.workflow', formatVersion: 1, definition: exampleDefinition },
});

export const workflowsOperations: readonly V1Operation[] = [
  listWorkflowsOperation,
  createWorkflowOperation,
  validateWorkflowOperation,
  importWorkflowOperation,
  getWorkflowOperation,
  updateWorkflowOperation,
  deleteWorkflowOperation,
  enableWorkflowOperation,
  disableWorkflowOperation,
  listWorkflowVersionsOperation,
  getWorkflowVersionOperation,
  exportWorkflowOperation,
];
