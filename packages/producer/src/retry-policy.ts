// Which failures are worth another attempt, and how long to wait before it.
import { ProducerError, producerErrorCodes } from './errors.js';

export interface ErrorVerdict {
  retryable: boolean;
  throttle: boolean;
}

// Firehose signals throttling with ServiceUnavailableException (HTTP 503, or per record inside a 200 answer);
// the other names are what AWS front ends and the SDK's classifier use for the same thing.
const throttlingNames = new Set([
  'ServiceUnavailableException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'LimitExceededException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'BandwidthLimitExceeded',
]);

// Faults that a later attempt can fix: server-side failures, timeouts, expired credentials and clock skew (the SDK
// refreshes credentials and corrects its clock offset between calls).
const transientNames = new Set([
  'InternalFailure',
  'InternalFailureException',
  'InternalServerError',
  'InternalServerException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ExpiredTokenException',
  'RequestExpired',
  'RequestTimeTooSkewed',
  'RequestInTheFuture',
]);

const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'ERR_HTTP2_STREAM_ERROR',
]);

interface SdkLikeError {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
  $retryable?: { throttling?: boolean };
  $metadata?: { httpStatusCode?: number; clockSkewCorrected?: boolean };
}

/**
 * Classifies the error of a whole PutRecordBatch call. Client errors (400: a missing stream, a bad argument, denied
 * access) are final; throttling, 5xx, timeouts and network errors are retried. An error on a 2xx answer (a body that
 * cannot be read) is retried too: the write may or may not have happened, and at-least-once is the promise.
 */
export function classifyCallError(error: unknown): ErrorVerdict {
  if (error instanceof ProducerError) {
    const retryable = error.code === producerErrorCodes.requestTimeout || error.code === producerErrorCodes.malformedResponse;
    return { retryable, throttle: false };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkLikeError;
  const name = typeof e.name === 'string' ? e.name : '';
  const status = e.$metadata?.httpStatusCode;
  const throttle = throttlingNames.has(name) || status === 429 || e.$retryable?.throttling === true;
  const retryable =
    throttle ||
    e.$retryable !== undefined ||
    transientNames.has(name) ||
    e.$metadata?.clockSkewCorrected === true ||
    (status !== undefined && (status >= 500 || (status >= 200 && status < 300))) ||
    hasNetworkCode(error, 0);
  return { retryable, throttle };
}

/** A record refused inside a 200 answer is always worth another attempt; ServiceUnavailableException is throttling. */
export function classifyRecordError(errorCode: string): ErrorVerdict {
  return { retryable: true, throttle: throttlingNames.has(errorCode) };
}

function hasNetworkCode(error: unknown, depth: number): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, cause } = error as SdkLikeError;
  return (typeof code === 'string' && networkCodes.has(code)) || hasNetworkCode(cause, depth + 1);
}

/** Full jitter: retry `n` (1-based) waits a uniform random time in [0, min(maxDelay, base × 2^(n-1))). */
export function backoffDelay(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(retry - 1, 30));
  return Math.floor(random() * ceiling);
}
