// Glue Data Catalog tables over facts/<entity>/, so that Athena (and Spark, Trino, Redshift Spectrum through the
// catalog) read the master dataset itself, not a copy of it. Partition projection on the hourly folders Firehose
// writes (yyyy/MM/dd/HH/) means only those folders are ever data: processing-failed/, manifests/ and errors/ under
// the same prefix never match a projected partition.
import { Aws } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { WarehouseTable } from '@factline/codegen';
import type { StreamSettings } from '@factline/stream-settings';
import { Construct } from 'constructs';
import { glueColumns } from './glue-types.js';

/**
 * The partition column: the UTC hour folder Firehose wrote the object under (arrival of its oldest record).
 *
 * @example
 * `SELECT count(*) FROM factline.booking_facts WHERE ${arrivalHourColumn} >= '2026/05/01/00'`;
 */
export const arrivalHourColumn = 'arrival_hour';

export interface MasterDatasetCatalogProps {
  bucket: s3.IBucket;
  databaseName: string;
  /** First projected hour, `yyyy/MM/dd/HH`. */
  projectionStartHour: string;
  tables: readonly { stream: StreamSettings; table: WarehouseTable }[];
}

/**
 * @example
 * new MasterDatasetCatalog(stack, 'Catalog', { bucket, databaseName: 'factline', projectionStartHour: '2024/01/01/00', tables });
 */
export class MasterDatasetCatalog extends Construct {
  readonly database: glue.CfnDatabase;
  readonly tables: glue.CfnTable[];

  constructor(scope: Construct, id: string, props: MasterDatasetCatalogProps) {
    super(scope, id);
    const s3Url = (prefix: string) => `s3://${props.bucket.bucketName}/${prefix}`;
    this.database = new glue.CfnDatabase(this, 'Database', {
      catalogId: Aws.ACCOUNT_ID,
      databaseInput: { name: props.databaseName, description: 'The factline master dataset: immutable facts, one table per entity (NDJSON written by Firehose).', locationUri: s3Url('facts/') },
    });
    this.tables = props.tables.map(({ stream, table }) => {
      const gzip = stream.s3.compressionFormat === 'GZIP';
      const glueTable = new glue.CfnTable(this, table.name, {
        catalogId: Aws.ACCOUNT_ID,
        databaseName: props.databaseName,
        tableInput: {
          name: table.name,
          description: table.comment.slice(0, 2048),
          tableType: 'EXTERNAL_TABLE',
          parameters: {
            classification: 'json',
            EXTERNAL: 'TRUE',
            compressionType: gzip ? 'gzip' : 'none',
            'projection.enabled': 'true',
            [`projection.${arrivalHourColumn}.type`]: 'date',
            [`projection.${arrivalHourColumn}.format`]: 'yyyy/MM/dd/HH',
            [`projection.${arrivalHourColumn}.range`]: `${props.projectionStartHour},NOW`,
            [`projection.${arrivalHourColumn}.interval`]: '1',
            [`projection.${arrivalHourColumn}.interval.unit`]: 'HOURS',
            'storage.location.template': `${s3Url(stream.s3.prefix)}\${${arrivalHourColumn}}/`,
          },
          partitionKeys: [{ name: arrivalHourColumn, type: 'string', comment: 'UTC hour folder (yyyy/MM/dd/HH) Firehose wrote the object under; a fact recorded in hour H is under H or H-1.' }],
          storageDescriptor: {
            location: s3Url(stream.s3.prefix),
            inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
            outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
            compressed: gzip,
            // OpenX: case-insensitive keys (value objects keep their camelCase names), and a malformed line is an
            // error, not a silently skipped fact.
            serdeInfo: { serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe', parameters: { 'case.insensitive': 'TRUE', 'ignore.malformed.json': 'FALSE', 'dots.in.keys': 'FALSE' } },
            columns: glueColumns(table),
          },
        },
      });
      glueTable.node.addDependency(this.database);
      return glueTable;
    });
  }
}
