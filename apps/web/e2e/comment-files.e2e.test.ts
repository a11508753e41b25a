import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub, type Person } from './harness.ts';

describeWithBrowser('files in a comment, and who is on a company page', () => {
  let hub: Hub;
  let expert: Person;
  let staff: Person;
  let companyId: string;
  let taskUrl: string;

  beforeAll(async () => {
    hub = await startHub();
    [expert, staff] = await Promise.all([signInAs(hub, 'expert@ecofrontier.co.kr'), signInAs(hub, 'staff@hanilplating.co.kr')]);
    companyId = /\/companies\/([^/]+)/.exec(new URL(staff.page.url()).pathname)?.[1] ?? '';
    await staff.page.goto(`/companies/${companyId}/tasks`);
    const card = staff.page.locator('[data-task-id]').first();
    await card.waitFor();
    taskUrl = `/companies/${companyId}/tasks/${await card.getAttribute('data-task-id')}`;
  });

  afterAll(async () => {
    await expert?.context.close();
    await staff?.context.close();
    await hub?.close();
  });

  it('staff post a comment with a photo and a PDF from the composer; the expert sees it arrive live with its previews', async () => {
    await Promise.all([staff.page.goto(taskUrl), expert.page.goto(taskUrl)]);
    await Promise.all([staff.page.getByTestId('comment-form').waitFor(), expert.page.getByTestId('comment-thread').waitFor()]);
    const photo = await staff.page.screenshot();
    const pdf = await expert.page.pdf({ format: 'A4' });

    const composer = staff.page.getByTestId('comment-form');
    await composer.locator('textarea').fill('현장 사진과 견적서 올립니다');
    await composer.getByTestId('attach-input').setInputFiles([
      { name: '세척조-사진.png', mimeType: 'image/png', buffer: photo },
      { name: '세척조-견적서.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    const drafts = composer.getByTestId('comment-drafts').getByTestId('attachment');
    await expect.poll(() => drafts.count(), { timeout: 10_000 }).toBe(2);
    // Waiting in the composer, the files are nobody else's business yet.
    expect(await expert.page.getByText('세척조-사진.png').count()).toBe(0);
    await composer.getByTestId('comment-send').click();

    const comment = expert.page.locator('[data-comment-id]', { hasText: '현장 사진과 견적서 올립니다' });
    await comment.waitFor({ timeout: 5_000 });
    const photoItem = comment.locator('[data-testid="attachment"]', { hasText: '세척조-사진.png' });
    await photoItem.waitFor();
    const thumbnail = photoItem.getByTestId('attachment-thumbnail');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    const pdfItem = comment.locator('[data-testid="attachment"]', { hasText: '세척조-견적서.pdf' });
    await pdfItem.getByRole('button').first().click();
    const preview = expert.page.getByTestId('attachment-pdf');
    await expect.poll(() => preview.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    expect(await preview.locator('canvas').count()).toBeGreaterThan(0);
    await screenshot(expert.page, 'comment-files-live');
    await expect.poll(() => composer.getByTestId('comment-drafts').count()).toBe(0);
    expect(expert.consoleErrors).toEqual([]);
    expect(staff.consoleErrors).toEqual([]);
  });

  it('refuses a file over the limit in the composer, naming the limit, without uploading it', async () => {
    const composer = staff.page.getByTestId('comment-form');
    const uploads: string[] = [];
    staff.page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/attachments')) uploads.push(request.url());
    });
    await composer.getByTestId('attach-input').setInputFiles([{ name: '큰파일.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 0x25) }]);
    const problem = composer.getByTestId('attachment-problems');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toMatch(/큰파일\.pdf.*21MB.*20MB/);
    expect(uploads).toEqual([]);
  });

  it('shows two people on a company page to each other, and the form one of them opens as editing', async () => {
    await Promise.all([expert.page.goto(`/companies/${companyId}/measures`), staff.page.goto(`/companies/${companyId}/overview`)]);
    const onExpert = expert.page.locator('[data-testid="presence"][data-page="COMPANY"] li');
    const onStaff = staff.page.locator('[data-testid="presence"][data-page="COMPANY"] li');
    // Generous: the first answer waits for both pages to load and subscribe on a busy machine.
    await Promise.all([onExpert.first().waitFor({ timeout: 30_000 }), onStaff.first().waitFor({ timeout: 30_000 })]);
    await expect(onExpert.first().getAttribute('title')).resolves.toContain('이수진');
    expect(await onStaff.first().getAttribute('data-state')).toBe('VIEWING');

    await expert.page.getByTestId('add-measure').click();
    await staff.page.locator('[data-testid="presence"][data-page="COMPANY"] li[data-state="EDITING"]').waitFor({ timeout: 5_000 });
    await screenshot(staff.page, 'company-presence-editing');
    await expert.page.keyboard.press('Escape');
    await staff.page.locator('[data-testid="presence"][data-page="COMPANY"] li[data-state="VIEWING"]').waitFor({ timeout: 5_000 });
    expect(expert.consoleErrors).toEqual([]);
  });
});
