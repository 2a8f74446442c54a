// What the Train-lab browser tests share: opening the lab at a link, training to an end state,
// and reading the curves CSV the page exports.
import { readFile } from 'node:fs/promises';

/** The states a run ends in (the page's #train-lab data-run-state). */
export const END = ['finished', 'early_stopped', 'diverged', 'stopped', 'failed'];

/** Opens the Train lab at `hash` in a new page of `lab` (harness.mjs) and waits until a run is set up. */
export async function openTrain(lab, hash, viewport) {
  const { page, errors } = await lab.openPage(viewport ? { viewport } : {});
  await page.goto(`${lab.url}#lab=train${hash}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.locator('#train-start:not([disabled])').waitFor({ timeout: 30000 });
  return { page, errors };
}

export const runState = (page) => page.getAttribute('#train-lab', 'data-run-state');

/** Clicks Start and waits for the run to end; returns the end state. */
export async function trainToEnd(page, timeout = 60000) {
  await page.click('#train-start');
  await page.waitForFunction((end) => end.includes(document.getElementById('train-lab').dataset.runState), END, { timeout });
  return runState(page);
}

/** trainToEnd, then a wait for the frames that draw the final numbers (the end state is drawn last). */
export async function trainToEndDrawn(page, timeout = 90000) {
  const state = await trainToEnd(page, timeout);
  await page.waitForTimeout(300);
  return state;
}

/** The rows of the curves CSV export: [{run, epoch, train_loss, …}]. */
export async function exportedCurves(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#tv-export-csv')]);
  const text = await readFile(await download.path(), 'utf8');
  const [header, ...rows] = text.trim().split('\n');
  const names = header.split(',');
  return rows.map((row) => {
    const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, ''));
    return Object.fromEntries(names.map((name, i) => [name, cells[i]]));
  });
}
