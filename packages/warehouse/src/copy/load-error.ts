// A load error, shaped like a row of Redshift's STL_LOAD_ERRORS, with the error codes of Redshift's load error
// reference (https://docs.aws.amazon.com/redshift/latest/dg/r_Load_Error_Reference.html).

/**
 * Redshift's load error codes that a JSON COPY can produce.
 *
 * @example
 * if (error.loadError.errorCode === loadErrorCodes.notNull) console.error('a required value is missing');
 */
export const loadErrorCodes = {
  /** Input data exceeded the acceptable range for the data type (string too long, number too big). */
  outOfRange: 1204,
  /** Date format is not valid. */
  invalidDate: 1205,
  /** Timestamp format is not valid. */
  invalidTimestamp: 1206,
  /** Data contained a value outside of the expected range of 0-9 (not an integer). */
  invalidDigit: 1207,
  /** FLOAT data type format error. */
  invalidFloat: 1208,
  /** DECIMAL data type format error. */
  invalidDecimal: 1209,
  /** BOOLEAN data type format error. */
  invalidBoolean: 1210,
  /** Load file was not found. */
  fileNotFound: 1212,
  /** A field specified as NOT NULL contained no data. */
  notNull: 1213,
  /** Input line is not valid (for JSON: the object cannot be read, e.g. a bad gzip stream or an object over 4 MB). */
  invalidLine: 1216,
  /** String contains invalid or unsupported UTF-8 code points. */
  invalidUtf8: 1220,
  /** Invalid data type (a value that cannot become the column's type). */
  invalidType: 1223,
  /** The input is malformed JSON, or a JSONPath expression cannot be evaluated on it. */
  malformedJson: 1224,
} as const;

/**
 * One of {@link loadErrorCodes}.
 *
 * @example
 * const code: LoadErrorCode = loadErrorCodes.outOfRange; // 1204
 */
export type LoadErrorCode = (typeof loadErrorCodes)[keyof typeof loadErrorCodes];

/**
 * Where and why a COPY failed, like a row of `STL_LOAD_ERRORS`.
 *
 * @example
 * const e: LoadError = { key: 'facts/a.gz', url: 's3://b/facts/a.gz', line: 3, column: 'email', columnType: 'varchar(8)',
 *   rawValue: 'ana@example.com', errorCode: 1204, reason: 'String length exceeds DDL length' };
 */
export interface LoadError {
  /** The object key of the data file. */
  key: string;
  /** `s3://<bucket>/<key>`, as Redshift's `filename` column shows it. */
  url: string;
  /** 1-based line of the failing JSON object's last line (Redshift's `line_number` for JSON). */
  line?: number;
  /** The target column. */
  column?: string;
  /** The column type as declared, e.g. `varchar(64)`, `decimal(10,2)`, `timestamptz`. */
  columnType?: string;
  /** The declared length in bytes for character columns. */
  columnLength?: number;
  /** The value as read from the JSON (its text), before conversion. */
  rawValue?: string;
  /** The JSON object that failed, at most 1,024 characters. */
  rawLine?: string;
  /** Redshift's load error code. */
  errorCode: LoadErrorCode;
  /** What is wrong, in Redshift's words where it has them. */
  reason: string;
}
