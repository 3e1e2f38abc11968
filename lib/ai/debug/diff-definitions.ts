// The leaf-by-leaf difference of two workflow definitions, as the changes a proposed fix shows the user
// (`settings.retry.maxAttempts`, `steps.2.config.url`); a field absent on one side has `undefined` there.
import type { DefinitionChange } from '@/lib/ai/schemas';

type Json = unknown;

function isContainer(value: Json): value is Record<string, Json> | Json[] {
  return typeof value === 'object' && value !== null;
}

function keysOf(value: Record<string, Json> | Json[]): string[] {
  return Array.isArray(value) ? value.map((_, index) => String(index)) : Object.keys(value);
}

function child(value: Record<string, Json> | Json[], key: string): Json {
  return Array.isArray(value) ? value[Number(key)] : value[key];
}

function collect(before: Json, after: Json, path: string[], changes: DefinitionChange[]): void {
  if (Object.is(before, after)) return;
  const sameShape = isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after);
  if (!sameShape) {
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ path: path.join('.'), before, after });
    return;
  }
  const keys = new Set([...keysOf(before), ...keysOf(after)]);
  for (const key of keys) collect(child(before, key), child(after, key), [...path, key], changes);
}

export function diffDefinitions(before: Json, after: Json): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  collect(before, after, [], changes);
  return changes;
}
