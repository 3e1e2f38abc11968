// What a model call costs, in millionths of a cent (minor unit), so a single token's list price is a whole number.
/** List prices per token in microcents: gpt-4o-mini is $0.15 / 1M input and $0.60 / 1M output tokens. */
const pricesPerToken: Record<string, { input: number; output: number }> = {
  'gpt-4o-mini': { input: 15, output: 60 },
  'gpt-4.1-mini': { input: 40, output: 160 },
  'gpt-4o': { input: 250, output: 1_000 },
};

export const MICROCENTS_PER_CENT = 1_000_000;

/** An unknown model is priced like gpt-4o, so a misconfigured model can only over-count spend, never under-count. */
export function costMicrocents(model: string, promptTokens: number, completionTokens: number): number {
  const base = Object.keys(pricesPerToken).find((name) => model === name || model.startsWith(`${name}-20`));
  const price = pricesPerToken[base ?? 'gpt-4o']!;
  return promptTokens * price.input + completionTokens * price.output;
}
