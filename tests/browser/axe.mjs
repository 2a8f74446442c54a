// Runs axe-core (from node_modules) on a part of the page and returns the serious and critical
// violations, for the accessibility checks of the browser tests.
import { fileURLToPath } from 'node:url';

const axePath = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** [{id, impact, help, targets}] of serious or critical violations inside `selector`. */
export async function seriousViolations(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (root) => {
    const result = await window.axe.run(document.querySelector(root));
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, selector);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
