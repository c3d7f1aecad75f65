import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { packageTemplate, type ArtifactStore } from '../../../src/core/deploy/package';
import { serverlessDeployCommand } from '../../../src/core/deploy/serverless-framework';
import { zipFolder } from '../../../src/core/deploy/zip';
import { loadChild, loadForDeploy, samApp } from './workspace';

/** An artifact bucket in memory, counting what is sent. */
function memoryStore(): ArtifactStore & { objects: Map<string, Buffer>; puts: number } {
  const objects = new Map<string, Buffer>();
  return {
    bucket: 'artifacts',
    region: 'eu-west-1',
    objects,
    puts: 0,
    has: async (key) => objects.has(key),
    async put(key, body) {
      this.puts++;
      objects.set(key, body);
    },
  };
}

describe('packaging local artifacts', () => {
  it("zips a folder reproducibly: same bytes whatever the files' times, entries sorted, modes fixed", async () => {
    const app = samApp({ 'b.js': 'b', 'a/x.js': 'x', 'run.sh': '#!/bin/sh\n' });
    fs.chmodSync(path.join(app.dir, 'run.sh'), 0o755);
    const first = await zipFolder(app.dir);
    fs.utimesSync(path.join(app.dir, 'b.js'), new Date(2030, 1, 1), new Date(2030, 1, 1));
    const second = await zipFolder(app.dir);
    assert.equal(second.md5, first.md5);
    const names = [...first.bytes.toString('latin1').matchAll(/PK\x01\x02[\s\S]{42}([a-z/.]+)/g)].map((m) => m[1]);
    assert.deepEqual(names, ['a/x.js', 'b.js', 'run.sh']);
    app.write('b.js', 'changed');
    assert.notEqual((await zipFolder(app.dir)).md5, first.md5);
  });

  it('uploads code folders, layers, definitions, .zip files as they are, nested templates; rewrites each', async () => {
    const app = samApp({
      'template.yaml': [
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    CodeUri: shared/',
        'Resources:',
        '  A:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { Runtime: nodejs22.x, Handler: i.h }',
        '  B:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { Runtime: nodejs22.x, Handler: i.h }',
        '  Built:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      Code: dist/built.zip # as it is',
        '  Deps:',
        '    Type: AWS::Serverless::LayerVersion',
        '    Properties:',
        '      ContentUri: layer/',
        '  Flow:',
        '    Type: AWS::Serverless::StateMachine',
        '    Properties:',
        '      DefinitionUri: flow.asl.json',
        '  Child:',
        '    Type: AWS::Serverless::Application',
        '    Properties:',
        '      Location: child/template.yaml',
        '  Remote:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { CodeUri: s3://elsewhere/code.zip, Runtime: nodejs22.x, Handler: i.h }',
        '',
      ].join('\n'),
      'samconfig.toml':
        '[default.deploy.parameters]\nstack_name = "s"\nregion = "eu-west-1"\ns3_bucket = "artifacts"\n',
      'shared/i.js': 'exports.h = 1',
      'dist/built.zip': 'PK-not-really-but-sent-as-is',
      'layer/nodejs/lib.js': 'lib',
      'flow.asl.json': '{"StartAt":"A"}',
      'child/template.yaml':
        'Resources:\n  C:\n    Type: AWS::Serverless::Function\n    Properties: { CodeUri: code/ }\n',
      'child/code/c.js': 'c',
    });
    const { template, config } = loadForDeploy(path.join(app.dir, 'template.yaml'));
    assert.deepEqual(config.bucket, { name: 'artifacts' });
    assert.deepEqual(config.capabilities, ['CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND']);
    const store = memoryStore();
    const packaged = await packageTemplate(template, store, { loadChild });
    assert.deepEqual(
      packaged.artifacts.map((a) => [a.artifact.property, a.artifact.logicalIds.join('+'), a.uploaded]),
      [
        ['CodeUri', 'A+B', true],
        ['Code', 'Built', true],
        ['ContentUri', 'Deps', true],
        ['DefinitionUri', 'Flow', true],
        ['Location', 'Child', true],
      ],
    );
    const key = (i: number) => packaged.artifacts[i].key;
    assert.equal(store.objects.get(key(1))!.toString(), 'PK-not-really-but-sent-as-is');
    assert.match(key(3), /^[0-9a-f]{32}\.json$/);
    assert.match(key(4), /^[0-9a-f]{32}\.template$/);
    const lines = packaged.text.split('\n');
    assert.equal(lines[3], `    CodeUri: "s3://artifacts/${key(0)}"`);
    assert.equal(lines[14], `      Code: {"S3Bucket":"artifacts","S3Key":"${key(1)}"} # as it is`);
    assert.equal(lines[18], `      ContentUri: "s3://artifacts/${key(2)}"`);
    assert.equal(lines[22], `      DefinitionUri: {"Bucket":"artifacts","Key":"${key(3)}"}`);
    assert.equal(lines[26], `      Location: "https://s3.eu-west-1.amazonaws.com/artifacts/${key(4)}"`);
    assert.equal(lines[29], '    Properties: { CodeUri: s3://elsewhere/code.zip, Runtime: nodejs22.x, Handler: i.h }');
    assert.match(store.objects.get(key(4))!.toString(), /CodeUri: "s3:\/\/artifacts\/[0-9a-f]{32}"/);
    assert.equal(store.puts, 6, "five artifacts and the child template's code");
    const again = await packageTemplate(template, store, { loadChild });
    assert.equal(again.uploadedBytes, 0);
    assert.equal(store.puts, 6);
  });

  it('a missing CodeUri folder is a problem at the value, not an exception', async () => {
    const app = samApp({
      'template.yaml':
        'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n' +
        '    Properties: { CodeUri: nowhere/, Runtime: nodejs22.x, Handler: i.h }\n',
      'samconfig.toml': '[default.deploy.parameters]\nstack_name = "s"\nregion = "eu-west-1"\n',
    });
    const { template } = loadForDeploy(path.join(app.dir, 'template.yaml'));
    await assert.rejects(
      packageTemplate(template, memoryStore(), { loadChild }),
      (error: Error & { span?: { start: number } }) => {
        assert.equal(error.message, `CodeUri of F: ${path.join(app.dir, 'nowhere')} does not exist.`);
        assert.equal(template.text.slice(error.span!.start, error.span!.start + 8), 'nowhere/');
        return true;
      },
    );
  });

  it('bundles a BuildMethod esbuild function with esbuild before zipping', async () => {
    const app = samApp({
      'template.yaml': [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Ts:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { CodeUri: ts/, Runtime: nodejs22.x, Handler: app.handler }',
        '    Metadata:',
        '      BuildMethod: esbuild',
        '      BuildProperties: { EntryPoints: [app.ts], Minify: false }',
        '',
      ].join('\n'),
      'samconfig.toml': '[default.deploy.parameters]\nstack_name = "s"\nregion = "eu-west-1"\n',
      'ts/app.ts': "import { twice } from './lib';\nexport const handler = async (): Promise<number> => twice(2);\n",
      'ts/lib.ts': 'export const twice = (n: number): number => n * 2;\n',
    });
    const { template } = loadForDeploy(path.join(app.dir, 'template.yaml'));
    const store = memoryStore();
    const packaged = await packageTemplate(template, store, { loadChild });
    const zip = store.objects.get(packaged.artifacts[0].key)!.toString('latin1');
    assert.match(zip, /app\.js/);
    assert.doesNotMatch(zip, /app\.ts|lib\.ts/, 'only the bundle is deployed');
  });
});

describe('Serverless Framework deploy command', () => {
  it("runs the project's own serverless through npx when it is a dependency", () => {
    const app = samApp({ 'serverless.yml': 'service: s\n', 'package.json': '{"devDependencies":{"serverless":"^3"}}' });
    const found = serverlessDeployCommand(path.join(app.dir, 'serverless.yml'), 'dev', { PATH: '' });
    assert.deepEqual(found.ok && found.run, {
      command: 'npx',
      args: ['serverless', 'deploy', '--stage', 'dev'],
      cwd: app.dir,
      source: 'project',
    });
  });

  it('says how to install it when neither the project nor PATH has it', () => {
    const app = samApp({ 'serverless.yml': 'service: s\n' });
    const found = serverlessDeployCommand(path.join(app.dir, 'serverless.yml'), undefined, { PATH: app.dir });
    assert.equal(found.ok, false);
    assert.match(
      !found.ok ? found.message : '',
      /npm install --save-dev serverless\) or install it globally \(npm install -g serverless\)/,
    );
  });
});
