import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub, type Person } from './harness.ts';

describeWithBrowser('files on a task, between a company staff member and an expert', () => {
  let hub: Hub;
  let expert: Person;
  let staff: Person;
  let taskUrl: string;

  beforeAll(async () => {
    hub = await startHub();
    [expert, staff] = await Promise.all([signInAs(hub, 'expert@ecofrontier.co.kr'), signInAs(hub, 'staff@hanilplating.co.kr')]);
    const companyId = /\/companies\/([^/]+)/.exec(new URL(staff.page.url()).pathname)?.[1] ?? '';
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

  it('staff attach a photo and a PDF; the expert sees both appear live, with a thumbnail and a PDF preview', async () => {
    await Promise.all([staff.page.goto(taskUrl), expert.page.goto(taskUrl)]);
    await Promise.all([staff.page.getByTestId('attachments').waitFor(), expert.page.getByTestId('attachments').waitFor()]);
    // Real files made by the browser itself: a PNG screenshot and a printed PDF.
    const photo = await staff.page.screenshot();
    const pdf = await expert.page.pdf({ format: 'A4' });
    const before = await expert.page.getByTestId('attachments').getByTestId('attachment').count();

    await staff.page.getByTestId('attachments').getByTestId('attach-input').setInputFiles([
      { name: '도금라인-사진.png', mimeType: 'image/png', buffer: photo },
      { name: '견적서.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    await staff.page.getByTestId('attachments').getByTestId('attachment').nth(before + 1).waitFor();

    const photoItem = expert.page.locator('[data-testid="attachment"]', { hasText: '도금라인-사진.png' });
    await photoItem.waitFor({ timeout: 5000 });
    const thumbnail = photoItem.getByTestId('attachment-thumbnail');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);

    const pdfItem = expert.page.locator('[data-testid="attachment"]', { hasText: '견적서.pdf' });
    await pdfItem.waitFor();
    await pdfItem.getByRole('button').first().click();
    const preview = expert.page.getByTestId('attachment-pdf');
    await expect.poll(() => preview.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    expect(await preview.locator('canvas').count()).toBeGreaterThan(0);
    await screenshot(expert.page, 'attachments-pdf-preview');

    const download = await pdfItem.locator('a').first().getAttribute('href');
    const response = await expert.page.request.get(download!);
    expect(response.headers()['content-disposition']).toContain("filename*=UTF-8''%EA%B2%AC%EC%A0%81%EC%84%9C.pdf");
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(expert.consoleErrors).toEqual([]);
  });

  it('says plainly why a file is refused, and removes a file for everyone when its uploader deletes it', async () => {
    await staff.page.getByTestId('attachments').getByTestId('attach-input').setInputFiles([{ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') }]);
    await expect.poll(() => staff.page.getByRole('alert').textContent()).toContain('setup.exe');

    const item = staff.page.locator('[data-testid="attachment"]', { hasText: '도금라인-사진.png' });
    staff.page.once('dialog', (dialog) => void dialog.accept());
    await item.getByRole('button', { name: /도금라인-사진.png/ }).last().click();
    await item.waitFor({ state: 'detached' });
    await expert.page.locator('[data-testid="attachment"]', { hasText: '도금라인-사진.png' }).waitFor({ state: 'detached', timeout: 5000 });
  });
});
