// A tool's input schema is its v1 operation's inputs side by side, by the operation's own schemas and rules.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation } from '@/lib/api/v1/operation';
import { idPathParams } from '@/lib/api/v1/schemas';
import { splitToolInput, toolInputSchema } from '@/lib/mcp/tool-from-operation';
import { getRunOperation, listRunsOperation, triggerRunOperation } from '@/lib/openapi/operations/runs';

const workflowId = '0b7e2f0e-3c1a-4d8e-9f51-6c2b9a7d4e10';

describe('tool input from a v1 operation', () => {
  it('takes path parameters (renamed), query and body fields as one object, and splits them back as the route gets them', () => {
    const schema = toolInputSchema(triggerRunOperation, { id: 'workflowId' });
    expect(Object.keys(schema.shape).sort()).toEqual(['payload', 'wait', 'workflowId']);
    const args = schema.parse({ workflowId, wait: '10s', payload: { orderId: 'A-1' } });
    expect(splitToolInput(triggerRunOperation, args, { id: 'workflowId' })).toEqual({
      params: { id: workflowId },
      query: { wait: 10_000 },
      body: { payload: { orderId: 'A-1' } },
    });
  });

  it("keeps the fields' own limits and the query's rules across fields", () => {
    expect(toolInputSchema(triggerRunOperation).safeParse({ id: workflowId, wait: '31s' }).success).toBe(false);
    const backwards = toolInputSchema(listRunsOperation).safeParse({
      from: '2026-12-02T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
    });
    expect(backwards.error?.issues).toEqual([expect.objectContaining({ path: ['to'] })]);
  });

  it('refuses unknown arguments where the body refuses unknown fields, and ignores them otherwise', () => {
    expect(toolInputSchema(triggerRunOperation).safeParse({ id: workflowId, payloud: {} }).success).toBe(false);
    expect(toolInputSchema(getRunOperation).parse({ id: workflowId, extra: 1 })).toEqual({ id: workflowId });
  });

  it('refuses an operation whose path parameter and body field share a name', () => {
    const clash = defineOperation({
      operationId: 'clash',
      method: 'post',
      path: '/api/v1/things/{id}',
      tag: 'Workflows',
      summary: 'Clash',
      scope: 'write',
      params: idPathParams,
      body: z.object({ id: z.string() }),
      responses: { 204: { description: 'Done' } },
    });
    expect(() => toolInputSchema(clash)).toThrow('the input "id" appears twice');
    expect(Object.keys(toolInputSchema(clash, { id: 'thingId' }).shape).sort()).toEqual(['id', 'thingId']);
  });

  it('passes a body that is not an object as the `body` argument', () => {
    const list = defineOperation({
      operationId: 'replaceTags',
      method: 'put',
      path: '/api/v1/tags',
      tag: 'Workflows',
      summary: 'Replace tags',
      scope: 'write',
      body: z.array(z.string()),
      responses: { 204: { description: 'Done' } },
    });
    const args = toolInputSchema(list).parse({ body: ['a', 'b'] });
    expect(splitToolInput(list, args)).toEqual({ params: {}, query: {}, body: ['a', 'b'] });
  });
});
