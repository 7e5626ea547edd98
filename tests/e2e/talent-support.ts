// Helpers for the sign-up e2e tests.
import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { SignUpFields } from '../support/sign-up-form';

/**
 * Every test posts from its own client address (X-Forwarded-For, which the app trusts as a proxy's), so the
 * sign-up rate limit, which counts per address, never mixes tests up.
 */
export const test = base.extend({
  extraHTTPHeaders: async ({}, provide, testInfo) => {
    await provide({ 'X-Forwarded-For': addressFor(`${testInfo.testId}:${testInfo.repeatEachIndex}:${testInfo.retry}`) });
  },
});
export { expect };

export function addressFor(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

/** A unique email for one test. */
export function uniqueEmail(label: string): string {
  return `${label}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** The form's answers as a person gives them in the browser: the same fields the post carries, consent ticked or not. */
export type FormAnswers = Omit<SignUpFields, 'consent' | 'adult' | 'website' | 'noticeSha256'> & { consent?: boolean; adult?: boolean };

export const goodAnswers = {
  fullName: 'Valentina Ríos',
  phone: '315 555 0101',
  municipality: '76520',
  birthYear: '1996',
  englishLevel: 'C1',
  interests: ['software-development'],
  adult: true,
  consent: true,
} satisfies FormAnswers;

export async function fillSignUp(page: Page, answers: FormAnswers): Promise<void> {
  for (const field of ['fullName', 'email', 'phone', 'birthYear'] as const) {
    const value = answers[field];
    if (value !== undefined) await page.locator(`#signup-${field}`).fill(value);
  }
  if (answers.municipality !== undefined) await page.locator('#signup-municipality').selectOption(answers.municipality);
  // Leaving a field shows its error, which moves what is below it: let that happen before clicking further down.
  await page.locator('#signup-municipality').focus();
  if (answers.englishLevel) await tick(page.locator(`#signup-englishLevel-${answers.englishLevel}`));
  for (const interest of answers.interests ?? []) await tick(page.locator(`#signup-interests-${interest}`));
  for (const program of answers.programs ?? []) await tick(page.locator(`#signup-programs-${program}`));
  if (answers.adult) await tick(page.locator('#signup-adult'));
  if (answers.consent) await tick(page.locator('#signup-consent'));
}

/**
 * Tick a box or radio. Answering one question can remove its error message a moment later (validation is
 * asynchronous), moving everything below; a click landing in that instant misses, so try again until ticked.
 */
async function tick(choice: Locator): Promise<void> {
  await expect(async () => {
    if (!(await choice.isChecked())) await choice.check({ timeout: 2_000 });
    expect(await choice.isChecked()).toBe(true);
  }).toPass({ timeout: 15_000 });
}

/** Before sending a form expected to go through: no error is left on screen (and the layout has settled). */
export async function expectNoFieldErrors(page: Page): Promise<void> {
  await expect(page.locator('form [id^="signup-"][id$="-error"]')).toHaveCount(0);
}

/** With JavaScript on, wait until the form validates in the browser, so the test exercises that path. */
export async function waitForEnhancedForm(page: Page): Promise<void> {
  await expect(page.locator('form[data-enhanced="true"]')).toBeVisible();
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a client-side navigation (a server action's redirect), Next sets the new title once the page has
  // streamed in: axe looks at the page when it is complete, not between the two.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental']).analyze();
  expect(results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

/**
 * axe runs in the page, and a page without JavaScript cannot run it: check the HTML the server sent, served at
 * the same address to a page where axe can run but the site's own scripts are blocked (nothing hydrates).
 */
export async function expectNoAxeViolationsAsServed(browser: Browser, url: string, html: string): Promise<void> {
  // Explicitly: in a test without JavaScript, new contexts inherit that setting.
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const checker = await context.newPage();
    await checker.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.fallback()));
    await checker.route((u) => u.href === url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await checker.goto(url);
    await expectNoAxeViolations(checker);
  } finally {
    await context.close();
  }
}
