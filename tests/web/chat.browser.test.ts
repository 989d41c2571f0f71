// The chat page in a real browser (Debian's chromium through playwright-core): ask, cite, open sources, follow up.

import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = "test-artifacts";
if (!existsSync(CHROMIUM)) console.log(`skipping the browser test: no chromium at ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!existsSync(CHROMIUM))("the chat page in chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const offsite: string[] = [];

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    server = await startServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("request", (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith("data:")) offsite.push(r.url());
    });
    await page.goto(server.url + "/");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const latestAnswer = () => page.locator('[data-testid="answer"]');

  it("asks a question and shows the answer with a clickable citation", async () => {
    await page.fill('[data-testid="question-input"]', "东城区累计建成了多少个职工之家？");
    await page.click('[data-testid="ask-button"]');
    await expect.poll(() => latestAnswer().textContent(), { timeout: 15_000 }).toContain("职工之家65个");
    expect(await latestAnswer().locator('[data-testid="citation"]').count()).toBeGreaterThan(0);
    expect(await page.locator("#examples").isVisible()).toBe(false);
  });

  it("opens the source panel with the article title, heading and the quoted sentence highlighted", async () => {
    await latestAnswer().locator('[data-testid="citation"]').first().click();
    const panel = page.locator('[data-testid="source-panel"]');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.textContent()).toContain("深入学习贯彻党的二十大精神 奋力开拓首都工会工作新局面");
    expect(await panel.textContent()).toContain("东城区总工会举办新世界公共区域职工之家揭牌仪式");
    expect(await panel.locator("mark").first().textContent()).toContain("职工之家65个");
    await page.screenshot({ path: `${ARTIFACTS}/chat-source-panel.png`, fullPage: true });
  });

  it("answers a follow-up in the same conversation", async () => {
    await page.fill('[data-testid="question-input"]', "暖心驿站呢？");
    await page.click('[data-testid="ask-button"]');
    await expect.poll(() => latestAnswer().textContent(), { timeout: 15_000 }).toContain("1427个");
    expect(await page.locator(".rewritten").last().textContent()).toContain("东城区累计建成了多少个暖心驿站");
    expect(await page.locator('[data-testid="answer"]').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/chat-follow-up.png`, fullPage: true });
  });

  it("works with the keyboard alone: Enter asks, Tab reaches a citation, Escape closes the panel", async () => {
    await page.click('[data-testid="new-chat"]');
    await page.focus('[data-testid="question-input"]');
    await page.keyboard.type("小米集团工会主席是谁？");
    await page.keyboard.press("Enter");
    await expect.poll(() => latestAnswer().textContent(), { timeout: 15_000 }).toContain("施艳");
    await latestAnswer().locator('[data-testid="citation"]').first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('[data-testid="source-panel"]').isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator('[data-testid="source-panel"]').isVisible()).toBe(false);
  });

  it("shows an honest refusal, and renders a hostile question as text", async () => {
    await page.fill('[data-testid="question-input"]', '<img src=x onerror="alert(1)">通州区康复临床技能竞赛的奖金是多少？');
    await page.click('[data-testid="ask-button"]');
    await expect.poll(() => latestAnswer().textContent(), { timeout: 15_000 }).toContain("现有文章中没有");
    expect(await page.locator(".msg.refusal").count()).toBeGreaterThan(0);
    expect(await page.locator(".msg.user").last().textContent()).toContain("<img src=x");
    expect(await page.locator(".messages img").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("links a source to the full article with that section in view", async () => {
    await page.fill('[data-testid="question-input"]', "小米集团工会主席是谁？");
    await page.click('[data-testid="ask-button"]');
    await expect.poll(() => latestAnswer().textContent(), { timeout: 15_000 }).toContain("施艳");
    await latestAnswer().locator('[data-testid="citation"]').first().click();
    await page.click("#source-link");
    await page.waitForSelector("section.target");
    expect(await page.locator("section.target h2").textContent()).toBe("小米工会组织开展学习中国工会十八大精神分享会");
    await page.goBack();
  });

  it("fits a phone screen and loads nothing from other hosts", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(server.url + "/");
    await phone.click(".example >> nth=0");
    await expect.poll(() => phone.locator('[data-testid="answer"]').textContent(), { timeout: 15_000 }).toContain("65个");
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: `${ARTIFACTS}/chat-phone.png`, fullPage: true });
    await phone.close();
    expect(offsite).toEqual([]);
  });
});
