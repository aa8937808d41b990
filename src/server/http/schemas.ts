// Schemas shared by many routes. Every property that a person fills in has a
// Japanese `title`: validation errors name the field by it.

import { Type, type TSchema, type TUnsafe } from 'typebox';
import { NON_BLANK } from './validation.js';

/** A string from a fixed list, as a plain JSON-schema enum with the literal type kept. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { title?: string } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** Text that must contain something besides spaces. */
export const NonBlank = (title: string, maxLength: number) =>
  Type.String({ title, minLength: 1, maxLength, pattern: NON_BLANK });

/** A whole number sent as text (query strings): digits only, converted by the service. */
export const NumericText = (title: string, maxDigits: number) =>
  Type.String({ title, pattern: `^[0-9]{1,${maxDigits}}$` });

export const Uuid = (title = 'ID') => Type.String({ format: 'uuid', title });

export const IsoDate = (title: string) =>
  Type.String({ format: 'date', title, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

/** An optional field that may also be sent as null (cleared). */
export const Nullable = <T extends TSchema>(schema: T, title: string) =>
  Type.Optional(Type.Union([schema, Type.Null()], { title }));

/** Optional free text of at most `max` characters. */
export const Text = (title: string, max: number) => Nullable(Type.String({ title, maxLength: max }), title);

/** An optional date. */
export const OptionalDate = (title: string) => Nullable(IsoDate(title), title);

export const ErrorResponse = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), label: Type.String(), message: Type.String() })),
    ),
  },
  { $id: 'ErrorResponse', title: 'エラー' },
);

export const Ok = Type.Object({ ok: Type.Literal(true) });

/** The route's success responses plus the error answers every route may give. */
export function responses<T extends Record<number, TSchema>>(success: T) {
  return {
    ...success,
    400: ErrorResponse,
    401: ErrorResponse,
    403: ErrorResponse,
    404: ErrorResponse,
    409: ErrorResponse,
    429: ErrorResponse,
    500: ErrorResponse,
  };
}
