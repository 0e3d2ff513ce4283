// Playwright fixtures: a fresh headless station per test, and views opened in one browser
// context the way a studio would (producer, host and moderator side by side).
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { startStationProcess, type StationProcess } from '../peers/station-process';
import type { Role } from '../../src/shared/contract/roles';

export interface StationFixture extends StationProcess {
  openView(context: BrowserContext, role: Role, options?: { path?: string; query?: string }): Promise<Page>;
}

export const test = base.extend<{ station: StationFixture; stationOptions: { showFile?: string } }>({
  /** `test.use({ stationOptions: { showFile } })` starts the station with another show than the demo. */
  stationOptions: [{}, { option: true }],
  station: async ({ stationOptions }, use) => {
    const s = await startStationProcess(stationOptions);
    const fixture: StationFixture = Object.assign(s, {
      async openView(context: BrowserContext, role: Role, options: { path?: string; query?: string } = {}) {
        const page = await context.newPage();
        const extra = options.query ? `&${options.query}` : '';
        await page.goto(`${s.url}/${options.path ?? role}?token=${s.tokens[role]}${extra}`);
        await expect(page.getByTestId('connection')).toHaveText('STATION LINKED');
        return page;
      },
    });
    await use(fixture);
    await s.stop();
  },
});

export { expect };
