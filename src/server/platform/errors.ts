import { errorStatus, type ErrorCode } from '../../shared/errors';

/** An error the API shows to the caller as it is: a stable code, a message and the field at fault. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { field?: string; details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = errorStatus[code];
  }
}

export const notFound = (what = 'Record') => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not permitted to do this') => new AppError('forbidden', message);
