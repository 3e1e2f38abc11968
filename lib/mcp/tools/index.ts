import 'server-only';
// Every MCP tool, in the order a client lists them.
import type { OperationTool } from '../operation-tool';
import { approvalTools } from './approvals';
import { runTools } from './runs';
import { workflowTools } from './workflows';

export const mcpTools: readonly OperationTool[] = [...workflowTools, ...runTools, ...approvalTools];
