// Which Firehose error code a failed load gets: the warehouse's errors, given and wanted.
import { describe, expect, it } from 'vitest';
import { classifyLoadFailure } from '@factline/local';
import { CopyLoadError, JsonPathsError, StatementError, WarehouseError } from '@factline/warehouse';

const url = 's3://factline-local/facts/booking/x';
const cases: { name: string; error: unknown; want: string }[] = [
  { name: 'a value that does not fit', error: new CopyLoadError('factline.booking_facts', { key: 'x', url, errorCode: 1204, reason: 'out of range' }), want: 'Redshift.DataLoadFailed' },
  { name: 'a data object that is gone', error: new CopyLoadError('factline.booking_facts', { key: 'x', url, errorCode: 1212, reason: 'Load file was not found' }), want: 'Redshift.MissingS3File' },
  { name: 'an invalid JSONPaths file', error: new JsonPathsError('s3://factline-local/jsonpaths/x.json', []), want: 'Redshift.IncorrectJsonPathsFile' },
  { name: 'a missing JSONPaths file', error: new WarehouseError('COPY_REQUEST_INVALID', "COPY: the JSONPaths file s3://b/jsonpaths/x.json does not exist"), want: 'Redshift.IncorrectJsonPathsFile' },
  { name: 'a missing table (DuckDB)', error: new WarehouseError('COPY_REQUEST_INVALID', 'COPY: table factline.x does not exist (Firehose reports Redshift.TableNotFound; create it …)'), want: 'Redshift.TableNotFound' },
  { name: 'more jsonpaths than columns', error: new WarehouseError('COPY_REQUEST_INVALID', 'COPY into t: the number of jsonpaths (3) and the number of columns (2) should match (Firehose reports Redshift.ColumnMismatch)'), want: 'Redshift.ColumnMismatch' },
  { name: 'a NOT NULL column left out', error: new WarehouseError('COPY_REQUEST_INVALID', 'NOT NULL column(s) "a" … (Firehose reports Redshift.MissingColumn)'), want: 'Redshift.MissingColumn' },
  { name: 'unusable COPY options', error: new WarehouseError('COPY_OPTIONS_INVALID', 'COPY options "CSV": CSV is not supported'), want: 'Redshift.IncorrectCopyOptions' },
  { name: 'a missing table (Redshift)', error: new StatementError('STATEMENT_FAILED', { sql: 'copy …', engineMessage: 'ERROR: relation "factline.x" does not exist' }), want: 'Redshift.TableNotFound' },
  { name: 'no INSERT privilege', error: new StatementError('STATEMENT_FAILED', { sql: 'copy …', engineMessage: 'ERROR: permission denied for relation booking_facts' }), want: 'Redshift.InsufficientPrivilege' },
  { name: 'the Data API refusing the call', error: new StatementError('DATA_API_REQUEST_FAILED', { sql: 'copy …', engineMessage: 'ValidationException' }), want: 'Redshift.ConnectionFailed' },
  { name: 'a DuckDB file held by another process', error: new Error('IO Error: Could not set lock on file "w.duckdb": Conflicting lock is held'), want: 'Redshift.ConnectionFailed' },
];

describe('classifyLoadFailure', () => {
  it.each(cases)('gives $want for $name', ({ error, want }) => {
    // Act
    const failure = classifyLoadFailure(error);
    // Assess
    expect(failure.errorCode).toBe(want);
    expect(failure.errorMessage).toBe((error as Error).message);
  });

  it('keeps the STL_LOAD_ERRORS-like details of a data error', () => {
    // Prepare
    const loadError = { key: 'x', url, line: 4, column: 'email', rawValue: 'a@b', errorCode: 1204 as const, reason: 'String length exceeds DDL length' };
    // Act
    const failure = classifyLoadFailure(new CopyLoadError('factline.booking_facts', loadError));
    // Assess
    expect(failure.loadError).toEqual(loadError);
  });
});
