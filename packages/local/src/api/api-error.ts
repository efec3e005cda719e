// Error answers of the Firehose API, shaped like AWS JSON 1.1 errors: an HTTP status, `__type` with the bare shape
// name, and `message` (aws-contracts §1.3, §1.5).

export class ApiError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/** A constraint violation in Coral's words: `Value 'x' at 'records.1.member.data' failed to satisfy constraint: …`. */
export function violation(path: string, value: string | null, constraint: string): string {
  return `Value ${value === null ? 'null' : `'${value}'`} at '${path}' failed to satisfy constraint: ${constraint}`;
}

export const apiErrors = {
  validation: (violations: readonly string[]): ApiError =>
    new ApiError('ValidationException', 400, `${violations.length} validation error${violations.length === 1 ? '' : 's'} detected: ${violations.join('; ')}`),
  serialization: (message: string): ApiError => new ApiError('SerializationException', 400, message),
  resourceNotFound: (streamName: string, accountId: string): ApiError =>
    new ApiError('ResourceNotFoundException', 400, `Firehose stream ${streamName} under account ${accountId} not found.`),
  invalidArgument: (message: string): ApiError => new ApiError('InvalidArgumentException', 400, message),
  serviceUnavailable: (message = 'Slow down.'): ApiError => new ApiError('ServiceUnavailableException', 503, message),
  unknownOperation: (target: string | undefined): ApiError =>
    new ApiError('UnknownOperationException', 400, target === undefined ? 'Missing X-Amz-Target header.' : `Unknown operation ${target}.`),
} as const;
