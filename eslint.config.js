// ESLint 9 (`npm run lint`, part of `npm test`): eslint's recommended rules, a few more that catch
// real bugs, and stylistic rules that match the code as it is written. The type check of the
// JSDoc (argument counts, option names) is tsc's job: tsconfig.json.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';

// What the page's code may use without an import: the browser's globals, and the scripts that
// index.html and the test pages load with a <script> tag.
const pageScripts = { Chart: 'readonly', katex: 'readonly' };

// What the callbacks of page.evaluate() and page.waitForFunction() use in the node-side browser
// tests and benchmarks: they run in the page. Listed one by one rather than all browser globals,
// so that a name like `open` or `close` that lost its import is still reported.
const evaluatedInPage = Object.fromEntries(['document', 'window', 'location', 'requestAnimationFrame',
  'getComputedStyle', 'MutationObserver', 'PerformanceObserver', 'devicePixelRatio', 'Image', 'Chart'].map((name) => [name, 'readonly']));

export default [
  // wasm/node_esm_shim.js is Emscripten pre-js, pasted into the generated glue.
  { ignores: ['node_modules/', 'dist/', 'build/', 'web/generated/', 'web/vendor/', 'web/data/', 'bench/out/', 'wasm/'] },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    plugins: { '@stylistic': stylistic },
    rules: {
      'array-callback-return': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-constructor-return': 'error',
      'no-duplicate-imports': 'error',
      'no-implied-eval': 'error',
      'no-promise-executor-return': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-throw-literal': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      'no-unused-expressions': 'error',
      'no-var': 'error',
      'prefer-const': 'error',

      // formatting: the style the code base is written in
      '@stylistic/array-bracket-spacing': 'error',
      '@stylistic/arrow-parens': 'error',
      '@stylistic/arrow-spacing': 'error',
      '@stylistic/block-spacing': 'error',
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/comma-spacing': 'error',
      '@stylistic/computed-property-spacing': 'error',
      '@stylistic/dot-location': ['error', 'property'],
      '@stylistic/eol-last': 'error',
      '@stylistic/function-call-spacing': 'error',
      '@stylistic/indent': ['error', 2, { SwitchCase: 1 }],
      '@stylistic/key-spacing': 'error',
      '@stylistic/keyword-spacing': 'error',
      '@stylistic/linebreak-style': 'error',
      '@stylistic/new-parens': 'error',
      '@stylistic/no-extra-semi': 'error',
      '@stylistic/no-floating-decimal': 'error',
      '@stylistic/no-mixed-spaces-and-tabs': 'error',
      '@stylistic/no-multi-spaces': ['error', { ignoreEOLComments: true }],
      '@stylistic/no-multiple-empty-lines': ['error', { max: 1, maxEOF: 0 }],
      '@stylistic/no-tabs': 'error',
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/no-whitespace-before-property': 'error',
      '@stylistic/object-curly-spacing': ['error', 'always'],
      '@stylistic/operator-linebreak': ['error', 'before'],
      '@stylistic/padded-blocks': ['error', 'never'],
      '@stylistic/quote-props': ['error', 'as-needed'],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/rest-spread-spacing': 'error',
      '@stylistic/semi': 'error',
      '@stylistic/semi-spacing': 'error',
      '@stylistic/space-before-blocks': 'error',
      '@stylistic/space-before-function-paren': ['error', { anonymous: 'always', named: 'never', asyncArrow: 'always' }],
      '@stylistic/space-in-parens': 'error',
      '@stylistic/space-infix-ops': 'error',
      '@stylistic/space-unary-ops': 'error',
      '@stylistic/spaced-comment': 'error',
      '@stylistic/switch-colon-spacing': 'error',
      '@stylistic/template-curly-spacing': 'error',
    },
  },
  {
    // the page and its worker; engine.js also runs under node, which it detects through `process`
    files: ['web/**', 'bench/browser/**'],
    languageOptions: { globals: { ...globals.browser, ...pageScripts } },
  },
  { files: ['web/js/engine/engine.js'], languageOptions: { globals: { process: 'readonly' } } },
  {
    files: ['*.js', 'scripts/**', 'tests/**', 'bench/**'],
    ignores: ['bench/browser/**'],
    languageOptions: { globals: globals.node },
  },
  { files: ['tests/browser/**', 'bench/*.mjs', 'scripts/screenshots.mjs'], languageOptions: { globals: evaluatedInPage } },
];
