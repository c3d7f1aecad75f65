/**
 * Links into the AWS Management Console and ARNs for deployed resources, by the Region's partition: the console
 * of the commercial Regions is `https://<region>.console.aws.amazon.com`, China's `https://console.amazonaws.cn`
 * and GovCloud's `https://console.amazonaws-us-gov.com` ("AWS Management Console endpoints",
 * https://docs.aws.amazon.com/general/latest/gr/mgmt-console.html; partitions: "Amazon Resource Names",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
 */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function consoleOrigin(region: string): string {
  switch (partitionOf(region)) {
    case 'aws-cn':
      return 'https://console.amazonaws.cn';
    case 'aws-us-gov':
      return 'https://console.amazonaws-us-gov.com';
    default:
      return `https://${region}.console.aws.amazon.com`;
  }
}

/** The Lambda console's page of one function (its name, not its ARN, is in the fragment). */
export function lambdaConsoleUrl(region: string, functionName: string): string {
  return `${consoleOrigin(region)}/lambda/home?region=${region}#/functions/${encodeURIComponent(functionName)}`;
}

/** The CloudFormation console's page of a stack, by its stack ID (an ARN). */
export function stackConsoleUrl(region: string, stackId: string): string {
  return (
    `${consoleOrigin(region)}/cloudformation/home?region=${region}#/stacks/stackinfo?stackId=` +
    encodeURIComponent(stackId)
  );
}

/** The account that owns a stack: the fifth field of its stack ID, `arn:aws:cloudformation:<region>:<account>:...`. */
export function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * A function's ARN from its physical ID, which CloudFormation gives as the function's name
 * (`AWS::Lambda::Function` "Return values": Ref returns the name,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html).
 */
export function lambdaFunctionArn(physicalId: string, region: string, account: string): string {
  if (physicalId.startsWith('arn:')) return physicalId;
  return `arn:${partitionOf(region)}:lambda:${region}:${account}:function:${physicalId}`;
}

/**
 * A log group's ARN without the trailing `:*`, the form Live Tail takes ("StartLiveTail", logGroupIdentifiers:
 * "Specify each log group by its ARN ... the ARN can't end with an asterisk",
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartLiveTail.html).
 */
export function logGroupArn(logGroupName: string, region: string, account: string): string {
  return `arn:${partitionOf(region)}:logs:${region}:${account}:log-group:${logGroupName}`;
}

/** The function name of a physical ID that may be an ARN. */
export function functionNameOf(physicalId: string): string {
  return physicalId.startsWith('arn:') ? (physicalId.split(':')[6] ?? physicalId) : physicalId;
}

/**
 * Where Lambda writes a function's logs when its `LoggingConfig` names no group: `/aws/lambda/<function name>`
 * ("Sending Lambda function logs to CloudWatch Logs", https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html).
 */
export function defaultLogGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}
