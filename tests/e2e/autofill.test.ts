/**
 * Autofill end to end: the built extension, its panel frame, both replicas. The frameworks' own
 * state (Vue's model on the Element app, the DOM the Bootstrap form posts) must hold the values.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { launch, helperFrame, importProfiles, replicaState, ITEM, ROOT, type Session } from './harness';

const people = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/profiles.demo.json'), 'utf8')).profiles as Array<Record<string, string>>;
const byId = (id: string) => people.find((p) => p.id === id)!;
const SELF = byId('demo-self-li');
const MOTHER = byId('demo-mother-wang');

const ELEMENT_URL = `https://zwdt.sh.gov.cn/govPortals/apply/${ITEM.employee}/basic`;
const BOOTSTRAP_URL = `https://ywtb.sh.gov.cn:18018/ac-product-net/netapply/apply.do?itemCode=${ITEM.employee}`;

async function openWithPanel(s: Session, url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await s.newPage(url);
  page.on('dialog', (d) => void d.accept());
  const panel = await helperFrame(page);
  await panel.waitForSelector('[data-testid="claimant-select"] option[value="demo-mother-wang"]');
  return { page, panel };
}

async function fill(panel: Frame, claimant: string, agent: string, overwrite = false) {
  await panel.select('[data-testid="claimant-select"]', claimant);
  await panel.select('[data-testid="agent-select"]', agent);
  if (overwrite) await panel.click('label.check input[type=checkbox]');
  // the button shown and enabled (the panel lays itself out again while it sizes its frame)
  const go = await panel.waitForSelector('[data-testid="autofill-button"]:not([disabled])', { visible: true });
  await go!.click();
  await panel.waitForSelector('[data-testid="autofill-summary"]', { timeout: 30_000 });
  return panel.$eval('[data-testid="autofill-summary"]', (el) => (el as HTMLElement).innerText);
}

describe('autofill through the extension', () => {
  let s: Session;
  before(async () => {
    s = await launch();
    await importProfiles(s, readFileSync(join(ROOT, 'tests/fixtures/profiles.demo.json'), 'utf8'));
  });
  after(async () => {
    await s?.close();
  });
  beforeEach(() => s.replica.reset());

  it('Element UI, 委托人办理: the Vue model holds 报销人 from the claimant and 委托人 from the account holder', async () => {
    const { page, panel } = await openWithPanel(s, ELEMENT_URL);
    await page.waitForSelector('.el-form-item', { visible: true });
    const summary = await fill(panel, MOTHER.id!, SELF.id!);
    assert.match(summary, /已填写 \d+ 项/);
    const { form } = await replicaState(page);
    assert.equal(form.handleMode, '委托人办理');
    assert.equal(form.reimburserName, MOTHER.name);
    assert.equal(form.reimburserIdNo, MOTHER.idNumber);
    assert.equal(form.agentName, SELF.name);
    assert.equal(form.agentIdNo, SELF.idNumber);
    assert.ok([MOTHER.phone, SELF.phone].includes(form.mobile), `mobile ${form.mobile}`);
    assert.equal(form.bank, MOTHER.bankName);
    assert.equal(form.bankCardNo, MOTHER.bankAccount);
    assert.deepEqual(form.region.slice(-1), ['松江区']);
    assert.match(form.addressDetail, /泗泾镇泗通路225弄3号101室/);
    // traps stay empty
    assert.equal(form.emergencyPhone, '');
    assert.equal(form.workPhone, '');
    assert.equal(form.captcha, '');
    const search = await page.$eval('input[placeholder*="搜索"]', (el) => (el as HTMLInputElement).value);
    assert.equal(search, '');
    assert.equal((await replicaState(page)).step, 'basic', 'the helper never moves to the next step');
    await page.close();
    assert.deepEqual(s.replica.submissions, []);
  });

  it('Element UI, 本人办理: the claimant is the account holder, 委托人 fields are not shown or filled', async () => {
    const { page, panel } = await openWithPanel(s, ELEMENT_URL);
    await page.waitForSelector('.el-form-item', { visible: true });
    await fill(panel, SELF.id!, '');
    const { form } = await replicaState(page);
    assert.equal(form.handleMode, '本人办理');
    assert.equal(form.reimburserName, SELF.name);
    assert.equal(form.reimburserIdNo, SELF.idNumber);
    assert.equal(form.agentName, '');
    assert.equal(form.bankCardNo, SELF.bankAccount);
    assert.match(form.addressDetail, /九亭镇涞亭南路888弄/);
    await page.close();
    assert.deepEqual(s.replica.submissions, []);
  });

  it('keeps what the user typed unless they choose 覆盖', async () => {
    const { page, panel } = await openWithPanel(s, ELEMENT_URL);
    await page.waitForSelector('.el-form-item', { visible: true });
    const phoneInput = await page.$('xpath/.//label[contains(., "手机号码")]/following-sibling::div//input');
    await phoneInput!.type('13900001111');
    await fill(panel, MOTHER.id!, SELF.id!);
    assert.equal((await replicaState(page)).form.mobile, '13900001111');
    await fill(panel, MOTHER.id!, SELF.id!, true);
    assert.notEqual((await replicaState(page)).form.mobile, '13900001111');
    await page.close();
  });

  it('Bootstrap / jQuery page: the posted fields hold the values, traps stay empty', async () => {
    const { page, panel } = await openWithPanel(s, BOOTSTRAP_URL);
    const summary = await fill(panel, MOTHER.id!, SELF.id!);
    assert.match(summary, /已填写 \d+ 项/);
    const { form } = await replicaState(page);
    assert.equal(form.handleMode, '委托人办理');
    assert.equal(form.reimburserName, MOTHER.name);
    assert.equal(form.reimburserIdNo, MOTHER.idNumber);
    assert.equal(form.agentName, SELF.name);
    assert.equal(form.agentIdNo, SELF.idNumber);
    assert.equal(form.bank, MOTHER.bankName);
    assert.equal(form.bankCardNo, MOTHER.bankAccount);
    assert.equal(form.district, '松江区');
    assert.match(form.addressDetail, /泗泾镇泗通路225弄3号101室/);
    assert.equal(form.emergencyPhone, '');
    assert.equal(form.workPhone, '');
    assert.equal(form.captcha, '');
    await page.close();
    assert.deepEqual(s.replica.submissions, []);
  });

  it('says plainly when the claimant’s insurance does not match the item, and still fills', async () => {
    const { page, panel } = await openWithPanel(s, ELEMENT_URL);
    await page.waitForSelector('.el-form-item', { visible: true });
    await panel.select('[data-testid="claimant-select"]', 'demo-father-li');
    await panel.waitForSelector('[data-testid="insurance-mismatch"]');
    const text = await panel.$eval('[data-testid="insurance-mismatch"]', (el) => (el as HTMLElement).innerText);
    assert.match(text, /居保/);
    await fill(panel, 'demo-father-li', SELF.id!);
    assert.equal((await replicaState(page)).form.reimburserName, '李福根');
    await page.close();
  });

  it('fills the application inside a same-origin iframe', async () => {
    const page = await s.newPage(`https://zwdt.sh.gov.cn/govPortals/apply/embed/${ITEM.employee}`);
    const panel = await helperFrame(page);
    await panel.waitForSelector('[data-testid="claimant-select"] option[value="demo-mother-wang"]');
    const app = page.frames().find((f) => f.name() === 'applyFrame')!;
    await app.waitForSelector('.el-form-item', { visible: true });
    await fill(panel, MOTHER.id!, SELF.id!);
    const { form } = await replicaState(app);
    assert.equal(form.reimburserName, MOTHER.name);
    assert.equal(form.agentIdNo, SELF.idNumber);
    await page.close();
    assert.deepEqual(s.replica.submissions, []);
  });
});
