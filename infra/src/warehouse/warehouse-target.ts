// What the rest of the stack needs to know about the warehouse, whichever kind it is.
import type { IDependable } from 'constructs';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

/** How the Redshift Data API reaches the warehouse (exactly one of workgroupName / clusterIdentifier). */
export interface DataApiTarget {
  workgroupName?: string;
  clusterIdentifier?: string;
  database: string;
  /** A superuser's `{ username, password }`: runs the migrations and manages the loader user. */
  adminSecret: secretsmanager.ISecret;
  /** The workgroup or cluster ARN that `redshift-data:ExecuteStatement` is authorised on. */
  resourceArn: string;
}

/**
 * @example
 * const target: WarehouseTarget = warehouse; // ServerlessWarehouse or ExistingWarehouse
 * new EntityDeliveryStream(stack, 'Booking', { ..., clusterJdbcUrl: target.jdbcUrl });
 */
export interface WarehouseTarget {
  /** `jdbc:redshift://<endpoint>:<port>/<database>` (Firehose's ClusterJDBCURL). */
  readonly jdbcUrl: string;
  readonly dataApi: DataApiTarget;
  /** The role Redshift assumes for COPY and UNLOAD that factline runs itself (backfills, recomputes). */
  readonly copyRole: iam.Role;
  /** What must exist before SQL can run (the workgroup); empty for an existing warehouse. */
  readonly ready: IDependable[];
}
