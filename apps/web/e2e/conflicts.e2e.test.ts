import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, screenshot, signInAs, startHub, type Hub, type Person } from './harness.ts';

describeWithBrowser('two people editing the same record', () => {
  let hub: Hub;
  let expert: Person;
  let manager: Person;

  beforeAll(async () => {
    hub = await startHub();
    [expert, manager] = await Promise.all([signInAs(hub, 'expert@ecofrontier.co.kr'), signInAs(hub, 'manager@ecofrontier.co.kr')]);
  });
  afterAll(async () => {
    await expert?.context.close();
    await manager?.context.close();
    await hub?.close();
  });

  it('keeps what the expert typed when the manager saves first, shows the difference and saves the choice', async () => {
    const staff = await signInAs(hub, 'staff@hanilplating.co.kr');
    const companyId = /\/companies\/([^/]+)/.exec(new URL(staff.page.url()).pathname)?.[1] ?? '';
    await staff.context.close();
    await expert.page.goto(`/companies/${companyId}/tasks`);
    const card = expert.page.locator('[data-task-id]').first();
    await card.waitFor();
    const url = `/companies/${companyId}/tasks/${await card.getAttribute('data-task-id')}`;
    await Promise.all([expert.page.goto(url), manager.page.goto(url)]);
    for (const { page } of [expert, manager]) {
      await page.getByTestId('task-edit').click();
      await page.getByTestId('task-edit-form').waitFor();
    }
    const title = (page: Person['page']) => page.getByTestId('task-edit-form').locator('input').first();
    await title(expert.page).fill('전문가 제목: 도금조 세척수 재이용');
    await title(manager.page).fill('관리자 제목: 세척수 재이용 계획');
    await manager.page.getByTestId('task-edit-form').locator('button[type="submit"]').click();
    await manager.page.getByTestId('task-edit-form').waitFor({ state: 'detached' });

    // The live update does not touch the open form; it says who changed the task.
    await expert.page.getByTestId('changed-while-editing').waitFor({ timeout: 5000 });
    expect(await expert.page.getByTestId('changed-while-editing').textContent()).toContain('김정민 님이 이 내용을 바꿨습니다');
    expect(await title(expert.page).inputValue()).toBe('전문가 제목: 도금조 세척수 재이용');

    // Saving anyway meets the newer version: the difference is shown, nothing is lost.
    await expert.page.getByTestId('task-edit-form').locator('button[type="submit"]').click();
    const review = expert.page.getByTestId('conflict-review');
    await review.waitFor();
    const field = review.locator('[data-field="title"]');
    expect(await field.textContent()).toContain('관리자 제목: 세척수 재이용 계획');
    expect(await field.textContent()).toContain('전문가 제목: 도금조 세척수 재이용');
    await screenshot(expert.page, 'conflict-review');
    await field.getByTestId('keep-mine').check();
    await review.getByTestId('conflict-apply').click();
    await expert.page.getByTestId('task-edit-form').waitFor({ state: 'detached' });
    await expect.poll(() => expert.page.getByTestId('task-title').textContent()).toBe('전문가 제목: 도금조 세척수 재이용');
    await expect.poll(() => manager.page.getByTestId('task-title').textContent(), { timeout: 5000 }).toBe('전문가 제목: 도금조 세척수 재이용');
  });

  /** The seeded plating company of the staff login, whose diagnoses the expert's team writes. */
  async function platingCompanyId(): Promise<string> {
    const staff = await signInAs(hub, 'staff@hanilplating.co.kr');
    const companyId = /\/companies\/([^/]+)/.exec(new URL(staff.page.url()).pathname)?.[1] ?? '';
    await staff.context.close();
    return companyId;
  }

  it('keeps an open diagnosis form through a live update, names who saved, and resolves the conflict with take theirs, then keep mine', async () => {
    const companyId = await platingCompanyId();
    await Promise.all([expert.page.goto(`/companies/${companyId}/diagnoses`), manager.page.goto(`/companies/${companyId}/diagnoses`)]);
    const first = expert.page.locator('[data-diagnosis-id]').first();
    await first.waitFor();
    const diagnosisId = (await first.getAttribute('data-diagnosis-id')) ?? '';
    const card = (page: Person['page']) => page.locator(`[data-diagnosis-id="${diagnosisId}"]`);
    const form = (page: Person['page']) => page.getByTestId('diagnosis-form');
    const findings = (page: Person['page']) => form(page).locator('textarea').nth(1);
    const openForm = async (page: Person['page']) => {
      await card(page).getByTestId('diagnosis-edit').click();
      await form(page).waitFor();
    };
    const save = (page: Person['page']) => page.locator('button[form="diagnosis-form"][type="submit"]').click();

    // Round 1: the manager saves first; the expert takes the manager's findings.
    await openForm(expert.page);
    await openForm(manager.page);
    await findings(expert.page).fill('전문가 소견: 수세조 2단 역류 세척으로 용수 30% 절감 가능');
    await findings(manager.page).fill('관리자 소견: 수세 용수 재이용 설비 우선 검토');
    await save(manager.page);
    await form(manager.page).waitFor({ state: 'detached' });
    await expect.poll(() => card(manager.page).textContent()).toContain('관리자 소견: 수세 용수 재이용 설비 우선 검토');

    // The expert's list follows live; the open form keeps what was typed and names the manager.
    await expect.poll(() => card(expert.page).textContent(), { timeout: 5000 }).toContain('관리자 소견: 수세 용수 재이용 설비 우선 검토');
    const banner = expert.page.getByTestId('changed-while-editing');
    await banner.waitFor({ timeout: 5000 });
    expect(await banner.textContent()).toContain('김정민 님이 이 내용을 바꿨습니다');
    expect(await findings(expert.page).inputValue()).toBe('전문가 소견: 수세조 2단 역류 세척으로 용수 30% 절감 가능');

    await save(expert.page);
    const review = expert.page.getByTestId('conflict-review');
    await review.waitFor();
    expect(await review.locator('h3').textContent()).toBe('김정민 님이 바꾼 내용');
    expect(await review.locator('[data-field]').evaluateAll((fields) => fields.map((field) => field.getAttribute('data-field')))).toEqual(['findings']);
    const field = review.locator('[data-field="findings"]');
    expect(await field.textContent()).toContain('전문가 소견: 수세조 2단 역류 세척으로 용수 30% 절감 가능');
    expect(await field.textContent()).toContain('관리자 소견: 수세 용수 재이용 설비 우선 검토');
    await screenshot(expert.page, 'conflict-review-diagnosis');
    await field.getByTestId('take-theirs').check();
    await review.getByTestId('conflict-apply').click();
    await form(expert.page).waitFor({ state: 'detached' });
    await expect.poll(() => card(expert.page).textContent()).toContain('관리자 소견: 수세 용수 재이용 설비 우선 검토');

    // Round 2: the manager saves first again; this time the expert keeps their own findings.
    await openForm(expert.page);
    await openForm(manager.page);
    await findings(expert.page).fill('전문가 소견(2차): 역류 세척 후 재측정 필요');
    await findings(manager.page).fill('관리자 소견(2차): 설비 견적 확인');
    await save(manager.page);
    await form(manager.page).waitFor({ state: 'detached' });
    await expert.page.getByTestId('changed-while-editing').waitFor({ timeout: 5000 });
    await save(expert.page);
    await review.waitFor();
    await review.locator('[data-field="findings"]').getByTestId('keep-mine').check();
    await review.getByTestId('conflict-apply').click();
    await form(expert.page).waitFor({ state: 'detached' });
    await expect.poll(() => card(expert.page).textContent()).toContain('전문가 소견(2차): 역류 세척 후 재측정 필요');
    // The manager's page follows the expert's save live.
    await expect.poll(() => card(manager.page).textContent(), { timeout: 5000 }).toContain('전문가 소견(2차): 역류 세척 후 재측정 필요');
  });

  it('keeps an open company form through another manager’s save, names them and resolves the conflict', async () => {
    const companyId = await platingCompanyId();
    const admin = await signInAs(hub, 'admin@ecohub.kr');
    try {
      await Promise.all([manager.page.goto(`/companies/${companyId}/overview`), admin.page.goto(`/companies/${companyId}/overview`)]);
      const form = (page: Person['page']) => page.getByTestId('company-form');
      // The industrial complex and the CEO: the seventh and eighth inputs of the form.
      const complex = (page: Person['page']) => form(page).locator('input').nth(6);
      const ceo = (page: Person['page']) => form(page).locator('input').nth(7);
      for (const { page } of [manager, admin]) {
        await page.getByTestId('company-edit').click();
        await form(page).waitFor();
      }
      await ceo(manager.page).fill('김도금 대표');
      await complex(admin.page).fill('반월국가산업단지 3블록');
      await ceo(admin.page).fill('한도금 대표');
      await admin.page.locator('button[form="company-form"][type="submit"]').click();
      await form(admin.page).waitFor({ state: 'detached' });

      const banner = manager.page.getByTestId('changed-while-editing');
      await banner.waitFor({ timeout: 5000 });
      expect(await banner.textContent()).toContain('관리자 님이 이 내용을 바꿨습니다');
      expect(await ceo(manager.page).inputValue()).toBe('김도금 대표');

      await manager.page.locator('button[form="company-form"][type="submit"]').click();
      const review = manager.page.getByTestId('conflict-review');
      await review.waitFor();
      const fields = await review.locator('[data-field]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-field')));
      // The complex only the admin changed comes in by itself; the CEO both changed is the choice.
      expect(fields).toEqual(['ceoName']);
      expect(await complex(manager.page).inputValue()).toBe('반월국가산업단지 3블록');
      await review.locator('[data-field="ceoName"]').getByTestId('keep-mine').check();
      await review.getByTestId('conflict-apply').click();
      await form(manager.page).waitFor({ state: 'detached' });
      // Both profiles show the merge: the manager's own, the admin's live.
      for (const { page } of [manager, admin]) {
        await expect.poll(() => page.locator('.profile__list').textContent(), { timeout: 5000 }).toContain('반월국가산업단지 3블록');
        await expect.poll(() => page.locator('.profile__list').textContent(), { timeout: 5000 }).toContain('김도금 대표');
      }
    } finally {
      await admin.context.close();
    }
  });
});
