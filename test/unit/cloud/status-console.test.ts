import { strict as assert } from 'assert';
import {
  defaultLogGroupName,
  lambdaConsoleUrl,
  lambdaFunctionArn,
  logGroupArn,
  stackConsoleUrl,
} from '../../../src/core/cloud/console';
import { presentLogEvent } from '../../../src/core/cloud/log-lines';
import { stackNameOf } from '../../../src/core/cloud/stack-name';
import { resourceState, stackState } from '../../../src/core/cloud/status';
import { load, yaml } from '../helpers';

describe('cloud: status words, console links, stack names, log lines', () => {
  it('maps every CloudFormation resource status to what the explorer says', () => {
    const table: [string, string][] = [
      ['CREATE_COMPLETE', 'deployed'],
      ['UPDATE_COMPLETE', 'deployed'],
      ['IMPORT_COMPLETE', 'deployed'],
      ['UPDATE_ROLLBACK_COMPLETE', 'deployed'],
      ['CREATE_IN_PROGRESS', 'in-progress'],
      ['UPDATE_IN_PROGRESS', 'in-progress'],
      ['DELETE_IN_PROGRESS', 'in-progress'],
      ['ROLLBACK_IN_PROGRESS', 'in-progress'],
      ['CREATE_FAILED', 'failed'],
      ['UPDATE_FAILED', 'failed'],
      ['DELETE_FAILED', 'failed'],
      ['DELETE_COMPLETE', 'not-deployed'],
      ['DELETE_SKIPPED', 'not-deployed'],
    ];
    assert.deepEqual(
      table.map(([status]) => [status, resourceState(status)]),
      table,
    );
  });

  it('says what a stack status means when the word alone would mislead', () => {
    assert.deepEqual(stackState('ROLLBACK_COMPLETE'), {
      state: 'failed',
      note: 'the first deployment failed and was rolled back; delete the stack before deploying again',
    });
    assert.equal(stackState('UPDATE_ROLLBACK_COMPLETE').state, 'deployed');
    assert.equal(stackState('REVIEW_IN_PROGRESS').state, 'not-deployed');
    assert.deepEqual(stackState('UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'), { state: 'in-progress' });
  });

  it("links to the console of the Region's partition", () => {
    assert.equal(
      lambdaConsoleUrl('eu-west-1', 'orders-Create-AbC'),
      'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/orders-Create-AbC',
    );
    assert.equal(
      lambdaConsoleUrl('cn-north-1', 'f'),
      'https://console.amazonaws.cn/lambda/home?region=cn-north-1#/functions/f',
    );
    assert.equal(
      lambdaConsoleUrl('us-gov-west-1', 'f'),
      'https://console.amazonaws-us-gov.com/lambda/home?region=us-gov-west-1#/functions/f',
    );
    assert.equal(
      stackConsoleUrl('us-east-1', 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1'),
      'https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/stackinfo?stackId=' +
        'arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3Astack%2Fs%2F1',
    );
  });

  it('makes ARNs in the right partition', () => {
    assert.equal(
      lambdaFunctionArn('f', 'us-east-1', '123456789012'),
      'arn:aws:lambda:us-east-1:123456789012:function:f',
    );
    assert.equal(
      lambdaFunctionArn('f', 'cn-northwest-1', '123456789012'),
      'arn:aws-cn:lambda:cn-northwest-1:123456789012:function:f',
    );
    assert.equal(
      logGroupArn(defaultLogGroupName('f'), 'us-gov-east-1', '123456789012'),
      'arn:aws-us-gov:logs:us-gov-east-1:123456789012:log-group:/aws/lambda/f',
    );
  });

  it('takes the stack name from a setting, samconfig, or the framework, and says when there is none', () => {
    const sam = load(yaml('Transform: AWS::Serverless-2016-10-31', 'Resources: {}'));
    assert.deepEqual(stackNameOf(sam, {}), {
      missing:
        'no stack name: add stack_name to samconfig.toml ([default.deploy.parameters]) or set ' +
        'serverlessWorkbench.cloud.stackName for this template',
    });
    const fromSamconfig = { stackName: { value: 'shop', origin: 'samconfig.toml stack_name' } };
    assert.deepEqual(stackNameOf(sam, fromSamconfig), { value: 'shop', origin: 'samconfig.toml stack_name' });
    const explicit = { value: 'mine', origin: 'setting serverlessWorkbench.cloud.stackName' };
    assert.deepEqual(stackNameOf(sam, fromSamconfig, explicit), explicit);
    const sls = load(yaml('service: notes', 'provider:', '  name: aws', 'functions: {}'), 'serverless.yml');
    assert.deepEqual(stackNameOf(sls, {}), { value: 'notes-dev', origin: "the framework's <service>-<stage>" });
    const named = load(
      yaml('service: notes', 'provider:', '  name: aws', '  stackName: custom', 'functions: {}'),
      'serverless.yml',
    );
    assert.deepEqual(stackNameOf(named, {}), { value: 'custom', origin: 'provider.stackName in serverless.yml' });
  });

  it('colours log lines by level and pretty-prints JSON', () => {
    const at = 0;
    const line = (message: string) => presentLogEvent({ timestamp: at, message });
    assert.equal(line('START RequestId: 1 Version: $LATEST').level, 'platform');
    assert.equal(line('2026-01-01T00:00:00.000Z\tid\tERROR\tInvoke Error').level, 'error');
    assert.equal(line('[WARNING]\t2026-01-01T00:00:00.000Z\tid\tslow').level, 'warn');
    assert.equal(line('2026-01-01T00:00:00.000Z 1 Task timed out after 3.00 seconds').level, undefined);
    assert.equal(line('Task timed out after 3.00 seconds').level, 'error');
    assert.equal(line('plain words').level, undefined);
    const json = line('2026-01-01T00:00:00.000Z\tid\tINFO\t{"a":[1,2]}');
    assert.deepEqual([json.level, json.json], ['info', '{\n  "a": [\n    1,\n    2\n  ]\n}']);
    assert.equal(line('{"level":"debug","msg":"x"}').level, 'debug');
  });
});
