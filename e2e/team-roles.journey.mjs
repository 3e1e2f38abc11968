// Team roles from the UI: the owner names the workspace and lets members approve, invites a member (the pending list
// updates at once), the member opens the link (it names the workspace and the inviter), signs up, has exactly one
// workspace and approves a waiting approval; the member's audit page says who may see it, the owner's shows names
// rather than ids, and the owner gives a key the admin scope in the edit dialog. At 1440 and 390 px, with axe.
import assert from 'node:assert/strict';
import { api, assertAccessible, assertNoHorizontalScroll, readMessages, signUp } from './helpers.mjs';

const strict = { strict: true };
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

async function settingsPagesAt390(page, label) {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/settings/workspace', '/settings/members', '/settings/api-keys', '/settings/audit']) {
    await page.goto(path);
    await assertAccessible(page, `${path} at 390 px (${label})`, strict);
    await assertNoHorizontalScroll(page);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

export const journeys = [
  {
    name: 'an invited member joins with one workspace, approves when members may, and keys get their scopes edited',
    async run({ page, context }) {
      const m = (await readMessages('en')).app;
      const { email: ownerEmail } = await signUp(page, { prefix: 'team-owner' });
      const workspaceName = `Acme Team ${Date.now() % 100000}`;

      // Settings → Workspace: rename and let every member decide approvals; the switcher shows the new name.
      await page.goto('/settings/workspace');
      await page.getByLabel(m.workspacePage.name).fill(workspaceName);
      await page.getByLabel(m.workspacePage.approversOption.members).check();
      await assertAccessible(page, '/settings/workspace', strict);
      await page.getByTestId('workspace-save').click();
      await page.getByRole('status').filter({ hasText: m.workspacePage.saved }).first().waitFor();
      await page
        .getByLabel(m.switchWorkspace)
        .locator('option', { hasText: workspaceName })
        .waitFor({ state: 'attached' });

      // A run waiting for approval.
      const created = await api(page, 'POST', '/api/workflows', {
        name: 'Team gated refund',
        trigger: { type: 'manual' },
        steps: [{ id: 'gate', type: 'approval', config: { message: 'Refund the customer?' } }],
      });
      assert.equal(created.status, 201);
      const started = await api(page, 'POST', `/api/workflows/${created.body.id}/runs`, { payload: {} });
      assert.ok(started.status < 300, `run started (${started.status})`);

      // Settings → Members: the invitation is listed as soon as it is sent.
      const memberEmail = `team-member-${Date.now()}@example.com`;
      await page.goto('/settings/members');
      await page.getByTestId('invitations-empty').waitFor();
      await page.getByLabel(m.membersPage.inviteEmail).fill(memberEmail);
      await page.getByRole('button', { name: m.membersPage.invite, exact: true }).click();
      await page.getByTestId('invitation-row').filter({ hasText: memberEmail }).waitFor({ timeout: 5_000 });
      await assertAccessible(page, '/settings/members', strict);

      await page.goto('/dev/mailbox');
      const inviteLink = await page
        .getByTestId('mailbox-email')
        .filter({ hasText: `To: ${memberEmail}` })
        .first()
        .locator('a[href*="/invite/"]')
        .getAttribute('href');
      assert.ok(inviteLink, 'the invitation is in the development mailbox');

      // The member opens the link in their own browser and signs up through it.
      const memberContext = await context.browser().newContext({
        baseURL: new URL(page.url()).origin,
        viewport: { width: 1440, height: 900 },
      });
      const member = await memberContext.newPage();
      try {
        await member.goto(inviteLink);
        const body = await member.getByTestId('invite-body').innerText();
        assert.equal(body, `${ownerEmail} invited you to join ${workspaceName} on Levqor.`);
        await assertAccessible(member, '/invite/[token]', strict);
        await member.getByRole('link', { name: m.invite.signInFirst }).click();
        await member.waitForURL(/\/signin/);
        await signUp(member, { email: memberEmail, openSignIn: false, landing: /\/invite\// });
        await member.getByRole('button', { name: m.invite.accept }).click();
        await member.waitForURL(/\/dashboard/);
        const options = await member.getByLabel(m.switchWorkspace).locator('option').allInnerTexts();
        assert.deepEqual(options, [workspaceName], 'the invitee has exactly the workspace they joined');

        await member.goto('/approvals');
        const card = member
          .locator('[data-testid="approval-card"][data-status="pending"]')
          .filter({ hasText: 'Refund the customer?' });
        await assertAccessible(member, '/approvals as a member', strict);
        await card.getByRole('button', { name: 'Approve' }).click();
        await member.locator('[data-testid="approval-card"][data-status="approved"]').first().waitFor();

        await member.goto('/settings/audit');
        assert.equal(await member.getByTestId('audit-admin-only').innerText(), m.audit.adminOnly);
        await assertAccessible(member, '/settings/audit as a member', strict);
      } finally {
        await memberContext.close();
      }

      // The owner's audit log names people and things, never a raw id.
      await page.goto('/settings/audit');
      const table = page.getByTestId('audit-table');
      await table.waitFor();
      const auditText = await table.innerText();
      assert.doesNotMatch(auditText, uuid);
      assert.ok(auditText.includes(memberEmail), 'the member is named');
      assert.ok(auditText.includes(workspaceName), 'the renamed workspace is named');
      assert.doesNotMatch(auditText, /\*\*\*@/);
      assert.equal(await table.getAttribute('tabindex'), '0', 'the scroll area is reachable by keyboard');
      await assertAccessible(page, '/settings/audit', strict);

      // Settings → API keys: give a read+write key the admin scope.
      const key = await api(page, 'POST', '/api/api-keys', { name: 'Deploy bot', scopes: ['read', 'write'] });
      assert.equal(key.status, 201);
      await page.goto('/settings/api-keys');
      const row = page.getByTestId('api-key-row').filter({ hasText: 'Deploy bot' });
      await row.getByTestId('api-key-edit').click();
      const dialog = page.getByTestId('api-key-edit-dialog');
      await dialog.getByLabel(m.keys.scopeAdmin).check();
      await assertAccessible(page, 'the API key edit dialog', strict);
      await dialog.getByTestId('api-key-edit-save').click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByTestId('api-key-scopes').filter({ hasText: m.keys.scopeAdmin }).waitFor();

      await settingsPagesAt390(page, 'owner');
    },
  },
];
