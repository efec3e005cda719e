// A generated Redshift user secret in the shape Firehose and the Data API both read: { username, password }.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

/**
 * Redshift passwords: 8–64 printable ASCII characters with an upper-case letter, a lower-case letter and a digit,
 * and none of `'`, `"`, `\`, `/`, `@` or space.
 *
 * @example
 * const secret = redshiftUserSecret(stack, 'LoaderSecret', 'factline_loader', 'Firehose loads the fact tables as this user.');
 */
export function redshiftUserSecret(scope: Construct, id: string, username: string, description: string): secretsmanager.Secret {
  return new secretsmanager.Secret(scope, id, {
    description,
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ username }),
      generateStringKey: 'password',
      passwordLength: 40,
      excludeCharacters: `'"\\/@ `,
      requireEachIncludedType: true,
    },
    removalPolicy: RemovalPolicy.DESTROY,
  });
}
