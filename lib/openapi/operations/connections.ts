// Public API v1 operations of connections: declarations only; the routes build on them.
import { defineOperation, type V1Operation } from '@/lib/api/v1/operation';
import { pageSchema } from '@/lib/api/v1/schemas';
import { connectionSchema, listConnectionsQuerySchema } from '@/lib/workflows/credentials/schemas';

export const listConnectionsOperation = defineOperation({
  operationId: 'listConnections',
  method: 'get',
  path: '/api/v1/connections',
  tag: 'Connections',
  summary: 'List connections',
  description:
    "The workspace's saved connections, by name: what a step's `credential` field names. Secrets are never returned.",
  scope: 'read',
  query: listConnectionsQuerySchema,
  responses: { 200: { description: 'A page of connections', schema: pageSchema(connectionSchema, 'ConnectionPage') } },
});

export const connectionsOperations: readonly V1Operation[] = [listConnectionsOperation];
