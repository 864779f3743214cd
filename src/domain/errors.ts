export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'invalid'
  | 'precondition_failed'
  | 'limit_exceeded'
  | 'unavailable';

/** One invalid field: a JSON pointer into the input and what is wrong with it. */
export interface FieldIssue {
  pointer: string;
  detail: string;
}

/** Every error Tocsin raises on purpose. `reason` is a stable slug documented per code. */
export class TocsinError extends Error {
  readonly code: ErrorCode;
  readonly reason: string;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, reason: string, message: string, options: { issues?: FieldIssue[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'TocsinError';
    this.code = code;
    this.reason = reason;
    this.issues = options.issues ?? [];
  }
}

export class NotFoundError extends TocsinError {
  constructor(entity: string, id: string) {
    super('not_found', `${entity}-not-found`, `No ${entity.replaceAll('-', ' ')} with id "${id}" in this workspace.`);
  }
}

export class ForbiddenError extends TocsinError {
  constructor(permission: string, role: string) {
    super('forbidden', 'permission-missing', `The role "${role}" may not ${permission.replace('.', ' ')}s (needs "${permission}").`);
  }
}

export class UnauthorizedError extends TocsinError {
  constructor(message = 'Sign in or send an API token (Authorization: Bearer …).') {
    super('unauthorized', 'not-signed-in', message);
  }
}

export class InvalidError extends TocsinError {
  constructor(message: string, issues: FieldIssue[] = [], reason = 'invalid-input') {
    super('invalid', reason, message, { issues });
  }
}

export class ConflictError extends TocsinError {
  constructor(reason: string, message: string) {
    super('conflict', reason, message);
  }
}

export class StaleVersionError extends TocsinError {
  constructor(entity: string, expected: number, actual: number) {
    super(
      'precondition_failed',
      'stale-version',
      `This ${entity} was changed by someone else (you edited version ${expected}, it is now at version ${actual}). Reload it, reapply your change and save again.`,
    );
  }
}

export function isTocsinError(error: unknown): error is TocsinError {
  return error instanceof TocsinError;
}
