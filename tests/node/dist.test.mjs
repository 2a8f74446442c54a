// The hosted site's page JS (scripts/make-dist.mjs) is the page's own JS without its comments:
// for every file under web/js, the printed copy has the same syntax tree, token for token, and not
// one comment. (tests/browser/dist.test.mjs runs the site itself.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { syntaxErrors, withoutComments } from '../../scripts/make-dist.mjs';
import { pageFiles, repositoryRoot } from './page-files.mjs';

const parse = (text) => ts.createSourceFile('module.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
const isJsDoc = (node) => node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode;

/**
 * Every node's kind, depth first, and the text of every token: the program without its layout. A
 * list's trailing comma, which the printer leaves out and which means nothing, is not counted.
 */
function tokens(source) {
  const out = [];
  const visit = (node) => {
    if (isJsDoc(node)) return;
    out.push(node.kind);
    const children = node.getChildren(source);
    if (children.length === 0) out.push(node.getText(source));
    const last = children.at(-1);
    if (node.kind === ts.SyntaxKind.SyntaxList && last?.kind === ts.SyntaxKind.CommaToken) children.pop();
    children.forEach(visit);
  };
  visit(source);
  return out;
}

/** The comments left in a parsed file: before or after any node or token. */
function comments(source) {
  const text = source.getFullText();
  const found = new Set();
  const visit = (node) => {
    for (const range of [...ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [], ...ts.getTrailingCommentRanges(text, node.getEnd()) ?? []]) {
      found.add(text.slice(range.pos, range.end));
    }
    node.getChildren(source).forEach(visit);
  };
  visit(source);
  return [...found];
}

test('the hosted copy of every page file is the same program without a single comment', () => {
  const files = pageFiles();
  assert.ok(files.length > 30, `${files.length} files`);
  let before = 0;
  let after = 0;
  for (const file of files) {
    const name = relative(repositoryRoot, file);
    const text = readFileSync(file, 'utf8');
    const printed = withoutComments(text, name);
    const original = parse(text);
    assert.ok(comments(original).length > 0, `${name} has comments to remove (the check below can fail)`);
    assert.deepEqual(syntaxErrors(printed, name), [], `${name}: the copy parses`);
    const stripped = parse(printed);
    assert.deepEqual(tokens(stripped), tokens(original), `${name}: the copy is the same program`);
    assert.deepEqual(comments(stripped), [], `${name}: no comment is left`);
    before += text.length;
    after += printed.length;
  }
  assert.ok(after < 0.9 * before, `${before} → ${after} characters`);
});

test('a file that does not parse is refused with its name, not copied half-printed', () => {
  assert.throws(() => withoutComments('export const x = ;', 'web/js/broken.js'), /make-dist: web\/js\/broken\.js does not parse/);
});
