import { z } from 'zod';
import { componentStatuses } from '../domain/component/status.ts';
import { InvalidError } from '../domain/errors.ts';

/** Shared field shapes for verb inputs; the API builds its OpenAPI document from these. */
export const Name = z.string().trim().min(1).max(200);
export const Description = z.string().max(5_000).nullable();
export const Body = z.string().trim().min(1).max(20_000);
export const Position = z.number().int().min(0).max(100_000);
export const Id = z.string().regex(/^[a-z0-9]{12}$/, 'an id is 12 lowercase letters or digits');
export const ComponentStatus = z.enum(componentStatuses);
/** An instant with its offset (`2026-03-10T15:10:00+01:00`); services turn it into a Date. */
export const Instant = z.iso.datetime({ offset: true });

export function toDate(value: string): Date;
export function toDate(value: string | null | undefined): Date | null | undefined;
export function toDate(value: string | null | undefined): Date | null | undefined {
  return value == null ? value : new Date(value);
}
export const DateOnly = z.iso.date();
/** A local time of day, 24-hour: "16:00". */
export const DailyTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time of day such as 16:00');
export const Language = z.enum(['fr', 'en']);
export const TimeZone = z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Paris');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Parses a verb's input and reports every issue with a JSON pointer, not the first one only. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw toInvalidError(result.error);
}


export function toInvalidError(error: z.ZodError): InvalidError {
  const issues = error.issues.map((issue) => ({
    pointer: '/' + issue.path.map((part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('/'),
    detail: issue.message,
  }));
  const summary = issues.map((issue) => `${issue.pointer === '/' ? 'body' : issue.pointer}: ${issue.detail}`).join('; ');
  return new InvalidError(`The input is not valid: ${summary}.`, issues);
}

/** The fields of a partial edit that were given: an absent field leaves its column as it is. */
export function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as never;
}
