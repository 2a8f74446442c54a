// What the Step-through browser tests share: opening the lab at a link, at a window width.

/** Opens `hash` in a new page of `lab` (harness.mjs), `width` × 800, and waits until the Step-through lab is drawn. */
export async function openStepLab(lab, hash, width = 1280) {
  const { page, errors } = await lab.openPage({ viewport: { width, height: 800 } });
  await page.goto(`${lab.url}${hash}`);
  await page.waitForSelector('#step-lab[data-ready="true"]');
  return { page, errors };
}
