import type { Browser, Page } from 'playwright-core';

/** A resident's phone: a 360 px page in zh-CN, JavaScript on or off. */
export async function phonePage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: 'zh-CN',
    viewport: { width: 360, height: 740 },
  });
  // A locator that finds nothing fails within seconds, naming itself, instead of waiting forever.
  context.setDefaultTimeout(20_000);
  return context.newPage();
}
