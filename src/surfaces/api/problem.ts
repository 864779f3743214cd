import type { ErrorCode, FieldIssue } from '../../domain/errors.ts';
import { isTocsinError } from '../../domain/errors.ts';
import { RateLimitedError } from '../../services/access/rate-limit.ts';

/** RFC 9457 problem details, as every error of the API is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldIssue[];
}

export const problemBase = 'https://tocsin.dev/problems/';

const statusOf: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  limit_exceeded: 429,
  unavailable: 503,
};

const titleOf: Record<ErrorCode, string> = {
  invalid: 'The request is not valid',
  unauthorized: 'Sign-in required',
  forbidden: 'Not allowed for this role',
  not_found: 'Not found',
  conflict: 'Conflict',
  precondition_failed: 'Changed by someone else',
  limit_exceeded: 'Too many requests',
  unavailable: 'Temporarily unavailable',
};

/** Reasons whose HTTP status is more precise than their code's. */
const statusOfReason: Record<string, number> = { 'body-too-large': 413, 'template-opens-a-maintenance': 422 };

export interface ProblemResponse {
  problem: Problem;
  headers: Record<string, string>;
}

/** Maps any thrown value to a problem. Unknown errors become a 500 that reveals nothing but the request id. */
export function toProblem(error: unknown, requestId: string): ProblemResponse {
  const headers: Record<string, string> = {};
  if (isTocsinError(error)) {
    if (error instanceof RateLimitedError) headers['retry-after'] = String(error.retryAfterSeconds);
    const problem: Problem = {
      type: problemBase + error.reason,
      title: titleOf[error.code],
      status: statusOfReason[error.reason] ?? statusOf[error.code],
      detail: error.message,
      instance: `urn:tocsin:request:${requestId}`,
    };
    if (error.issues.length > 0) problem.errors = error.issues;
    return { problem, headers };
  }
  return {
    problem: {
      type: problemBase + 'internal',
      title: 'Internal error',
      status: 500,
      detail: `Something went wrong on our side. Quote request ${requestId} when you report it.`,
      instance: `urn:tocsin:request:${requestId}`,
    },
    headers,
  };
}

export function httpProblem(status: number, reason: string, title: string, detail: string, requestId: string): Problem {
  return { type: problemBase + reason, title, status, detail, instance: `urn:tocsin:request:${requestId}` };
}
