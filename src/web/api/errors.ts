/** The server answered with an error body `{error:{code,message,field}}` (or something we could not read). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never got an answer from DistrictOps: the network, Wi-Fi or the server is down. */
export class NetworkError extends Error {
  constructor(message = 'network error') {
    super(message);
    this.name = 'NetworkError';
  }
}

export const isNotFound = (err: unknown) => err instanceof ApiError && err.status === 404;
export const isForbidden = (err: unknown) => err instanceof ApiError && err.status === 403 && err.code === 'forbidden';
export const isNetworkError = (err: unknown) => err instanceof NetworkError;
