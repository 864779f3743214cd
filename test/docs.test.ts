import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withRules } from '../scripts/rules-readme.ts';
import { ruleIds } from '../src/domain/linter/index.ts';

describe('the README', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('describes every linter rule as the rules describe themselves (npm run docs:rules rewrites it)', () => {
    assert.equal(readme, withRules(readme), 'README.md is out of date: run npm run docs:rules');
    for (const id of ruleIds) assert.ok(readme.includes(`\`${id}\``), `the README does not name ${id}`);
  });
});
