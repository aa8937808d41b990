// Schema validation errors in Japanese, naming the field by its label (the
// schema's `title`), e.g. 「ログインID」は3文字以上で入力してください.

import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

interface ErrorWithSchema extends FastifySchemaValidationError {
  parentSchema?: { title?: string; properties?: Record<string, { title?: string }> };
  schema?: unknown;
}

const SECTION_LABELS: Record<string, string> = {
  body: '入力内容',
  querystring: '検索条件',
  params: 'URL',
  headers: 'ヘッダー',
};

/** The pattern of a field that must contain something besides spaces (see NonBlank in schemas.ts). */
export const NON_BLANK = '\\S';

export interface FieldError {
  field: string;
  label: string;
  message: string;
}

function fieldName(error: ErrorWithSchema): string {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: string }).missingProperty ?? '');
    return path ? `${path}.${missing}` : missing;
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty?: string }).additionalProperty ?? '');
    return path ? `${path}.${extra}` : extra;
  }
  return path;
}

function labelOf(error: ErrorWithSchema, field: string): string {
  const last = field.split('.').at(-1) ?? field;
  if (error.keyword === 'required' || error.keyword === 'additionalProperties') {
    return error.parentSchema?.properties?.[last]?.title ?? last;
  }
  return error.parentSchema?.title ?? last;
}

function describe(error: ErrorWithSchema): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'を入力してください';
    case 'minLength':
      return p.limit === 1 ? 'を入力してください' : `は${String(p.limit)}文字以上で入力してください`;
    case 'maxLength':
      return `は${String(p.limit)}文字以内で入力してください`;
    case 'minimum':
      return `は${String(p.limit)}以上にしてください`;
    case 'maximum':
      return `は${String(p.limit)}以下にしてください`;
    case 'minItems':
      return `は${String(p.limit)}件以上選択してください`;
    case 'maxItems':
      return `は${String(p.limit)}件以内にしてください`;
    case 'uniqueItems':
      return 'に同じ値が重複しています';
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return 'の値が選択肢にありません';
    case 'format':
      return p.format === 'date' ? 'は正しい日付で入力してください' : 'の形式が正しくありません';
    case 'pattern':
      // NonBlank fields: a value of spaces only is no value.
      return p.pattern === NON_BLANK ? 'を入力してください' : 'の形式が正しくありません';
    case 'type':
      return p.type === 'integer' || p.type === 'number' ? 'は数値で入力してください' : 'の形式が正しくありません';
    case 'additionalProperties':
      return 'は受け付けられない項目です';
    default:
      return 'の値が正しくありません';
  }
}

export function fieldErrors(errors: readonly FastifySchemaValidationError[]): FieldError[] {
  return errors.map((e) => {
    const error = e as ErrorWithSchema;
    const field = fieldName(error);
    const label = labelOf(error, field);
    return { field, label, message: `「${label}」${describe(error)}` };
  });
}

export class ValidationFailure extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid';
  constructor(
    readonly errors: FieldError[],
    readonly section: string,
  ) {
    super(errors.map((e) => e.message).join('\n') || `${SECTION_LABELS[section] ?? section}が正しくありません`);
  }
}

export function schemaErrorFormatter(errors: FastifySchemaValidationError[], section: string): Error {
  return new ValidationFailure(fieldErrors(errors), section);
}
