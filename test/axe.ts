import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * axe-core's own script, read from the installed package: nothing is fetched while a test runs. It
 * is evaluated through the DevTools protocol, not added as a script tag: the app's CSP refuses inline
 * scripts, and a test must not weaken the page it checks.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The violations worth failing a page for: what blocks or seriously hinders someone. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * The page's serious and critical accessibility violations (every rule axe runs by default: WCAG
 * 2.x A and AA and its best practices), each as
 * "rule: the elements' selectors", so a failure names what to fix and where.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }
    ).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** Fails when the page has a serious or critical violation, naming the page, each rule and where. */
export async function expectNoSeriousAxeViolations(page: Page, name = page.url()) {
  expect(await seriousAxeViolations(page), name).toEqual([]);
}

/**
 * The same check for a page opened with JavaScript off (`javaScriptEnabled: false`), where nothing
 * can be evaluated in the page (axe is a script). Its document as the browser holds it (read over
 * the DevTools protocol, which needs no script) is shown again, its scripts removed so it stays the
 * page without JavaScript, at its address and size in a fresh page that may run axe; styles and
 * images still come from the server.
 */
export async function expectNoSeriousAxeViolationsWithoutScripts(page: Page, name = page.url()) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId: root.nodeId });
  await cdp.detach();
  const html = `<!DOCTYPE html>${outerHTML.replace(/^<!DOCTYPE[^>]*>/i, '').replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')}`;
  const browser = page.context().browser();
  if (!browser) throw new Error('the page has no browser');
  const copy = await browser.newContext({ viewport: page.viewportSize(), locale: 'zh-CN' });
  try {
    const shown = await copy.newPage();
    const address = page.url();
    await shown.route(address, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    await shown.goto(address);
    await shown.waitForLoadState('networkidle');
    await expectNoSeriousAxeViolations(shown, name);
  } finally {
    await copy.close();
  }
}
