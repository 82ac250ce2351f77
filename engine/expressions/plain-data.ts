import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';

/**
 * Converts a FEEL result into plain JSON data, or says why it cannot. Pure.
 * Durations and dates become ISO 8601 strings (`P1DT2H`, `2024-03-01`); a zoned date-time
 * becomes `2024-03-01T09:30:00+08:00` (the IANA zone name is dropped: ISO 8601 has only
 * offsets), a local one keeps no offset. A time with a named zone has no fixed offset, so it
 * keeps FEEL's form `10:00:00@Europe/Paris`. Contexts become objects, lists arrays.
 */
export function toPlainData(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlainData);
  if (value instanceof FeelDuration || value instanceof FeelDate || value instanceof FeelTime) return value.iso;
  if (value instanceof FeelDateTime) return dateTimeText(value);
  if (isContext(value)) return contextToObject(value);
  throw new UnrepresentableValue(value);
}

/** Thrown by {@link toPlainData}; the caller adds the element and attribute. */
export class UnrepresentableValue extends Error {
  constructor(value: unknown) {
    const name: string = (value as object).constructor?.name ?? typeof value;
    const kind = name.startsWith('Feel') ? `FEEL ${name.slice(4).toLowerCase()}` : name;
    super(`gave a ${kind}, which is not data a variable can hold`);
  }
}

/**
 * A plain object from any realm: its prototype is null or an `Object.prototype` (whose own
 * prototype is null). Comparing with this realm's `Object.prototype` alone would refuse
 * objects from structuredClone or a vm context.
 */
function isContext(value: unknown): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function contextToObject(context: Record<string, unknown>): Record<string, unknown> {
  // fromEntries defines own keys, so a FEEL key "__proto__" cannot reach a prototype.
  return Object.fromEntries(Object.entries(context).map(([key, entry]) => [key, toPlainData(entry)]));
}

function dateTimeText(value: FeelDateTime): string {
  // Only a named zone (`@Asia/Shanghai`) lies outside ISO 8601; `Z` and offsets do not.
  if (value.zone === null || !value.iso.includes('@')) return value.iso;
  return value.unwrap().toZonedDateTime(value.zone).toString({ timeZoneName: 'never' });
}
