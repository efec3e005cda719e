// Firehose's error codes for a Redshift destination (what it writes to CloudWatch Logs), and the mapping from the
// warehouse's errors to them, so a failed local load reads like a failed delivery on AWS.
import { CopyLoadError, JsonPathsError, StatementError, WarehouseError, loadErrorCodes, warehouseErrorCodes, type LoadError } from '@factline/warehouse';

/**
 * The error codes Firehose reports for a Redshift destination that the local one can produce.
 *
 * @example
 * if (failure.errorCode === redshiftDeliveryErrorCodes.dataLoadFailed) console.error('see factline.factline_load_errors');
 */
export const redshiftDeliveryErrorCodes = {
  /** The COPY failed on the data: a value does not fit its column (STL_LOAD_ERRORS has the details). */
  dataLoadFailed: 'Redshift.DataLoadFailed',
  /** The table does not exist (Firehose does not create tables: apply the migrations). */
  tableNotFound: 'Redshift.TableNotFound',
  /** The number of jsonpaths and the number of columns differ. */
  columnMismatch: 'Redshift.ColumnMismatch',
  /** A NOT NULL column without a default is not in the column list. */
  missingColumn: 'Redshift.MissingColumn',
  /** The JSONPaths file is missing or invalid. */
  incorrectJsonPathsFile: 'Redshift.IncorrectJsonPathsFile',
  /** The COPY options cannot be used. */
  incorrectCopyOptions: 'Redshift.IncorrectCopyOptions',
  /** A data object named by the COPY is not in the bucket. */
  missingS3File: 'Redshift.MissingS3File',
  /** The user may not insert into the table. */
  insufficientPrivilege: 'Redshift.InsufficientPrivilege',
  /** The warehouse cannot be reached or opened (a DuckDB file held by another process, a Data API error). */
  connectionFailed: 'Redshift.ConnectionFailed',
} as const;

/**
 * One of {@link redshiftDeliveryErrorCodes}.
 *
 * @example
 * const code: RedshiftDeliveryErrorCode = 'Redshift.DataLoadFailed';
 */
export type RedshiftDeliveryErrorCode = (typeof redshiftDeliveryErrorCodes)[keyof typeof redshiftDeliveryErrorCodes];

/** What went wrong with one load, in Firehose's terms. */
export interface ClassifiedFailure {
  errorCode: RedshiftDeliveryErrorCode;
  errorMessage: string;
  /** The STL_LOAD_ERRORS-like row of a data error. */
  loadError?: LoadError;
}

const codes = redshiftDeliveryErrorCodes;
// The DuckDB engine names Firehose's code in its messages for the request errors it can tell apart.
const namedCode = /Firehose reports (Redshift\.[A-Za-z]+)/;

/**
 * Maps an error thrown while loading an object to Firehose's error code for a Redshift destination.
 *
 * @example
 * classifyLoadFailure(error); // { errorCode: 'Redshift.DataLoadFailed', errorMessage: '…', loadError: { line: 3, column: 'email', … } }
 */
export function classifyLoadFailure(error: unknown): ClassifiedFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CopyLoadError) {
    const errorCode = error.loadError.errorCode === loadErrorCodes.fileNotFound ? codes.missingS3File : codes.dataLoadFailed;
    return { errorCode, errorMessage: message, loadError: error.loadError };
  }
  if (error instanceof JsonPathsError) return { errorCode: codes.incorrectJsonPathsFile, errorMessage: message };
  if (error instanceof StatementError) return { errorCode: statementCode(error), errorMessage: message };
  if (error instanceof WarehouseError) {
    if (error.code === warehouseErrorCodes.copyOptionsInvalid) return { errorCode: codes.incorrectCopyOptions, errorMessage: message };
    if (error.code === warehouseErrorCodes.copyRequestInvalid) return { errorCode: requestCode(message), errorMessage: message };
    if (error.code === warehouseErrorCodes.closed) return { errorCode: codes.connectionFailed, errorMessage: message };
    return { errorCode: codes.dataLoadFailed, errorMessage: message };
  }
  return { errorCode: codes.connectionFailed, errorMessage: message };
}

function requestCode(message: string): RedshiftDeliveryErrorCode {
  const named = namedCode.exec(message)?.[1];
  const known = Object.values(codes).find((code) => code === named);
  if (known !== undefined) return known;
  if (/JSONPaths file/i.test(message)) return codes.incorrectJsonPathsFile;
  if (/does not exist/i.test(message)) return /column/i.test(message) ? codes.columnMismatch : codes.tableNotFound;
  return codes.incorrectCopyOptions;
}

function statementCode(error: StatementError): RedshiftDeliveryErrorCode {
  if (error.code === warehouseErrorCodes.dataApiRequestFailed || error.code === warehouseErrorCodes.statementTimeout) return codes.connectionFailed;
  const text = error.engineMessage;
  if (/permission denied/i.test(text)) return codes.insufficientPrivilege;
  if (/(relation|table).*does not exist|does not exist.*(relation|table)/i.test(text)) return codes.tableNotFound;
  if (/could not set lock|conflicting lock|connection/i.test(text)) return codes.connectionFailed;
  return codes.dataLoadFailed;
}
