// Errors a command may answer with. 4xx carry a Japanese message for the person at
// the screen and, where one field is at fault, its name; 5xx never reveal internals.

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notSignedIn = (code = 'not_signed_in', message = 'ログインしてください'): AppError =>
  new AppError(401, code, message);

/** Outside a user's scope the answer is 404, so that existence is not revealed (ARCHITECTURE rule 2). */
export const notFound = (message = '指定されたデータは見つかりません'): AppError =>
  new AppError(404, 'not_found', message);

export const forbidden = (message = 'この操作を行う権限がありません'): AppError =>
  new AppError(403, 'forbidden', message);

export const invalid = (field: string, message: string): AppError => new AppError(400, 'invalid', message, field);

export const conflict = (message: string, field?: string): AppError => new AppError(409, 'conflict', message, field);
