import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub } from './harness.ts';

/** Polls the hub's database until `sql` returns a row. */
async function row<T>(hub: Hub, sql: string, params: unknown[]): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await hub.server.server.orm.em.fork().execute<T[]>(sql, params);
    if (rows[0]) return rows[0];
    if (Date.now() > deadline) throw new Error(`no row for ${sql}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describeWithBrowser('mail in the web client (no SMTP: mail is kept for the outbox)', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('lets staff choose in settings how each kind of mail reaches them', async () => {
    const staff = await signInAs(hub, 'staff@hanilplating.co.kr');
    await staff.page.goto('/settings');
    const mention = staff.page.getByLabel('언급', { exact: true });
    await expect(mention.inputValue()).resolves.toBe('IMMEDIATE');
    await mention.selectOption('OFF');
    await staff.page.getByRole('status').filter({ hasText: '저장했습니다' }).waitFor();
    await staff.page.getByLabel('과제 배정', { exact: true }).selectOption('DAILY_DIGEST');
    await staff.page.reload();
    await expect(staff.page.getByLabel('언급', { exact: true }).inputValue()).resolves.toBe('OFF');
    await expect(staff.page.getByLabel('과제 배정', { exact: true }).inputValue()).resolves.toBe('DAILY_DIGEST');
    await screenshot(staff.page, 'mail-preferences');
    expect(staff.consoleErrors).toEqual([]);
    await staff.context.close();
  });

  it('shows admins every kept mail with its rendered body', async () => {
    const admin = await signInAs(hub, 'admin@ecohub.kr');
    const invited = await admin.page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { link } }',
          variables: { input: { email: 'outbox.e2e@ansan.go.kr', name: '우편함 확인', role: 'OBSERVER' } },
        }),
      });
      return ((await response.json()) as { data: { invitePerson: { link: string } } }).data.invitePerson.link;
    });
    await row(hub, `select id from mail_message where to_address = ? and status = 'KEPT'`, ['outbox.e2e@ansan.go.kr']);
    await admin.page.getByRole('link', { name: '보낸 메일' }).click();
    await admin.page.waitForURL('**/admin/mail');
    const table = admin.page.getByTestId('outbox-table');
    await table.getByText('outbox.e2e@ansan.go.kr').waitFor();
    await table.getByRole('row').filter({ hasText: 'outbox.e2e@ansan.go.kr' }).getByRole('button', { name: 'EcoHub에 초대되었습니다' }).click();
    const preview = admin.page.getByTestId('outbox-preview');
    await preview.waitFor();
    const body = admin.page.frameLocator('[data-testid=outbox-preview] iframe');
    await expect(body.getByRole('link', { name: '초대 수락하기' }).getAttribute('href')).resolves.toBe(invited);
    await screenshot(admin.page, 'mail-outbox');
    expect(admin.consoleErrors).toEqual([]);
    await admin.context.close();
  });

  it('signs staff in with a link from their mail, once', async () => {
    const context = await hub.browser.newContext({ baseURL: hub.baseUrl, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByTestId('sign-in-by-link').click();
    const form = page.getByTestId('sign-in-link-form');
    await form.locator('input[type=email]').fill('staff@hanilplating.co.kr');
    await form.locator('button[type=submit]').click();
    await page.getByTestId('sign-in-link-sent').waitFor();
    const mail = await row<{ text: string }>(hub, `select text from mail_message where to_address = ? and kind = 'SIGN_IN_LINK'`, ['staff@hanilplating.co.kr']);
    const link = new URL(/https?:\/\/\S+\/sign-in-link#token=\S+/.exec(mail.text)![0]);
    await page.goto(`${link.pathname}${link.hash}`);
    await page.waitForURL((url) => url.pathname.startsWith('/companies/'));
    await page.getByTestId('live-indicator').waitFor();

    // The same link again, in another browser: refused.
    const other = await hub.browser.newContext({ baseURL: hub.baseUrl, locale: 'ko-KR' });
    const again = await other.newPage();
    await again.goto(`${link.pathname}${link.hash}`);
    await again.getByText('이 로그인 링크는 쓸 수 없습니다').waitFor();
    await other.close();
    await context.close();
  });
});
