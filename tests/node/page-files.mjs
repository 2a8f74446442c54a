// The page's JavaScript files (every .js below web/js), for tests that read the source itself.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsFilesUnder } from '../../scripts/make-dist.mjs';

/** The repository's root folder. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute paths of every .js file below web/js. */
export function pageFiles() {
  return jsFilesUnder(join(repositoryRoot, 'web/js'));
}
