import { InvalidError, type FieldIssue } from '../errors.ts';

/** Bad linter configuration or input shape (unknown rule id, stage, language…): a caller's bug, never the text's. */
export class LintConfigError extends InvalidError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message, issues, 'lint-config-invalid');
    this.name = 'LintConfigError';
  }
}
