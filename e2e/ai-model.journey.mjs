// The AI with a model configured (OPENAI_API_KEY and OPENAI_BASE_URL pointing at the local OpenAI stand-in, through the
// real SDK inside `next start`): "Describe it" shows the model's workflow in the visual editor, marked as made by AI,
// and the request reached the model fenced as data; the help panel streams the model's words; the usage page counts
// every model answer. At 1440 px.
import assert from 'node:assert/strict';
import { openAiStandInFallback } from './ai-model-replies.mjs';
import { startOpenAiStandIn } from './openai-stand-in.mjs';
import { readMessages, signUp, startExtraServer } from './helpers.mjs';

const PROMPT = 'Every Monday at 9am post a summary of new Stripe customers to Slack';

export const journeys = [
  {
    name: 'with a model configured: describe → the model’s workflow in the editor; help streams the model’s answer',
    async run({ page }) {
      const m = await readMessages('en');
      const standIn = await startOpenAiStandIn({ fallback: openAiStandInFallback });
      const { base, stop } = await startExtraServer({
        name: 'ai-model',
        env: { OPENAI_API_KEY: standIn.apiKey, OPENAI_BASE_URL: standIn.url },
      });
      try {
        await page.setViewportSize({ width: 1440, height: 900 });
        await signUp(page, { base, prefix: 'ai-model' });

        await page.goto(`${base}/workflows?new=describe`);
        await page.getByTestId('creator-prompt').fill(PROMPT);
        await page.getByTestId('workflow-creator').locator('button[type="submit"]').click();
        await page.getByTestId('creator-review').waitFor({ timeout: 30_000 });
        const source = page.getByTestId('creator-source');
        assert.equal(await source.getAttribute('data-source'), 'model');
        assert.match(await page.getByTestId('creator-explanation').innerText(), /reads your new Stripe customers/);
        for (const id of ['fetch_customers', 'post_summary'])
          await page.locator(`[data-testid="step-card"][data-step-id="${id}"]`).waitFor();
        const asked = standIn.requests.find((request) => request.body?.response_format?.json_schema);
        assert.ok(asked, 'the model was asked for a structured workflow');
        assert.ok(asked.body.messages[1].content.includes(`<request>${PROMPT}</request>`), 'the request is fenced');

        await page.getByTestId('help-open').click();
        await page.getByTestId('help-input').fill('How do I add a Slack connection?');
        await page.getByTestId('help-send').click();
        const answer = page.getByTestId('help-answer').first();
        await answer.and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
        assert.equal(await answer.getByTestId('help-answer-source').getAttribute('data-source'), 'model');
        assert.match(await answer.innerText(), /Settings → Connections/);
        assert.ok(
          standIn.requests.some((request) => request.body?.stream === true),
          'the answer was streamed',
        );
        await page.keyboard.press('Escape');

        // Every model call is an AI answer today: the workflow, the help answer, and the dashboard's onboarding advice
        // when it was asked before the journey moved on (sign-up lands on the dashboard, then leaves at once).
        await page.goto(`${base}/billing/usage`);
        const answers = await page.getByTestId('usage-ai-modelAnswers').innerText();
        const calls = standIn.requests.filter((request) => request.path.endsWith('/chat/completions')).length;
        assert.ok(calls >= 2, `the workflow and the help answer asked the model (${calls})`);
        assert.equal(answers.replace(m.billing.ai.modelAnswers, '').trim(), String(calls));
      } finally {
        stop();
        await standIn.close();
      }
    },
  },
];
