// The network of the default Redshift Serverless workgroup: three public subnets in three Availability Zones
// (Redshift Serverless needs three), an internet gateway, and no NAT gateway (nothing in it initiates traffic, and
// NAT would be the largest fixed cost of the stack). Public because Firehose reaches Redshift only through a
// publicly accessible endpoint; the security group admits Firehose's CIDR block and nothing else by default.
import { Fn } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface PublicNetworkProps {
  /** Default: a new VPC 10.42.0.0/16. */
  existing?: { vpcId: string; subnetIds: string[] };
}

/**
 * Built from L1 resources so that the three Availability Zones are chosen at deploy time (Fn::GetAZs): the template
 * stays environment-agnostic and synthesizes without AWS credentials.
 *
 * @example
 * const network = new PublicNetwork(stack, 'Network', {});
 * network.subnetIds; // three subnet ids
 */
export class PublicNetwork extends Construct {
  readonly vpcId: string;
  readonly subnetIds: string[];

  constructor(scope: Construct, id: string, props: PublicNetworkProps) {
    super(scope, id);
    if (props.existing !== undefined) {
      this.vpcId = props.existing.vpcId;
      this.subnetIds = [...props.existing.subnetIds];
      return;
    }
    const vpc = new ec2.CfnVPC(this, 'Vpc', { cidrBlock: '10.42.0.0/16', enableDnsHostnames: true, enableDnsSupport: true });
    const gateway = new ec2.CfnInternetGateway(this, 'InternetGateway', {});
    const attachment = new ec2.CfnVPCGatewayAttachment(this, 'Attachment', { vpcId: vpc.ref, internetGatewayId: gateway.ref });
    const routes = new ec2.CfnRouteTable(this, 'Routes', { vpcId: vpc.ref });
    const defaultRoute = new ec2.CfnRoute(this, 'DefaultRoute', { routeTableId: routes.ref, destinationCidrBlock: '0.0.0.0/0', gatewayId: gateway.ref });
    defaultRoute.node.addDependency(attachment);
    this.vpcId = vpc.ref;
    this.subnetIds = [0, 1, 2].map((i) => {
      const subnet = new ec2.CfnSubnet(this, `Subnet${i}`, {
        vpcId: vpc.ref,
        availabilityZone: Fn.select(i, Fn.getAzs()),
        cidrBlock: `10.42.${i * 16}.0/20`,
        // Redshift attaches its own Elastic IP to a publicly accessible workgroup; nothing else gets one.
        mapPublicIpOnLaunch: false,
      });
      new ec2.CfnSubnetRouteTableAssociation(this, `Subnet${i}Routes`, { subnetId: subnet.ref, routeTableId: routes.ref });
      return subnet.ref;
    });
  }
}
