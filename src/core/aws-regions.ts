/**
 * Commercial Regions of the `aws` partition (botocore endpoints.json, aws partition; AWS General Reference, "AWS
 * Lambda endpoints and quotas"). Cost checks a Region against them; the invoke picker offers them.
 */
export const COMMERCIAL_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
  'sa-east-1',
  'mx-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'af-south-1',
  'me-south-1',
  'me-central-1',
  'il-central-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
];

/**
 * The partitions other than `aws` and how their Region codes start (botocore endpoints.json: aws-cn, aws-us-gov,
 * aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc).
 */
export const OTHER_PARTITIONS: readonly { readonly prefix: string; readonly name: string }[] = [
  { prefix: 'cn-', name: 'AWS China (aws-cn)' },
  { prefix: 'us-gov-', name: 'AWS GovCloud (US) (aws-us-gov)' },
  { prefix: 'us-iso-', name: 'AWS ISO (aws-iso)' },
  { prefix: 'us-isob-', name: 'AWS ISO-B (aws-iso-b)' },
  { prefix: 'eu-isoe-', name: 'AWS ISO-E (aws-iso-e)' },
  { prefix: 'us-isof-', name: 'AWS ISO-F (aws-iso-f)' },
  { prefix: 'eusc-', name: 'AWS European Sovereign Cloud (aws-eusc)' },
];
