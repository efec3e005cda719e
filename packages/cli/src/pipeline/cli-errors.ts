// The expected failures of the pipeline commands (a folder in use, no warehouse yet, bad SQL, an edited migration)
// end with their message and exit code 1; anything else is a bug and keeps its stack.
import { LocalStackError } from '@factline/local';
import { StreamSettingsError } from '@factline/stream-settings';
import { WarehouseError, StatementError } from '@factline/warehouse';
import { CliExit } from '../io.js';
import { PipelineError } from './errors.js';

/**
 * Runs a command body, turning the expected errors into `CliExit(1, message)`.
 *
 * @example
 * .action((options) => expectedFailures(() => runSql(io, query, options)));
 */
export async function expectedFailures<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof StatementError) throw new CliExit(1, `Error: ${error.engineMessage}`);
    if (error instanceof PipelineError || error instanceof LocalStackError || error instanceof StreamSettingsError || error instanceof WarehouseError) throw new CliExit(1, error.message);
    throw error;
  }
}
