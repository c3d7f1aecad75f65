import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  gatherInputs,
  loadTemplateFile,
  loadTemplateText,
  parseParameterOverrides,
  readBoundedFile,
  readSamconfig,
} from '../../../src/core/load';

const TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31',
  'Parameters:',
  '  Mem: {Type: Number, Default: 128}',
  '  Stage: {Type: String, Default: dev}',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties: {Runtime: nodejs22.x, Handler: index.handler, InlineCode: x, MemorySize: !Ref Mem}',
  '',
].join('\n');

describe('samconfig and the inputs of a template', () => {
  let dir: string;
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  const templateFile = () => path.join(dir, 'template.yaml');
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-samconfig-'));
    write('template.yaml', TEMPLATE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('parameter_overrides as SAM CLI reads it', () => {
    it('reads a string of Name=Value with bare, double- and single-quoted values, and the ParameterKey form', () => {
      assert.deepEqual(
        parseParameterOverrides(`Mem=1024 Stage='prod eu' Tag="a \\"b\\"" ParameterKey=Env,ParameterValue=x`),
        {
          overrides: [
            { name: 'Mem', value: '1024' },
            { name: 'Stage', value: 'prod eu' },
            { name: 'Tag', value: 'a "b"' },
            { name: 'Env', value: 'x' },
          ],
          problems: [],
        },
      );
    });

    it('reads a list of Name=Value, the value everything after the first =', () => {
      assert.deepEqual(parseParameterOverrides(['Mem=1024', 'Url=https://x?a=b c']).overrides, [
        { name: 'Mem', value: '1024' },
        { name: 'Url', value: 'https://x?a=b c' },
      ]);
    });

    it('names what is not Name=Value and keeps the rest', () => {
      assert.deepEqual(parseParameterOverrides('Mem=1024 oops Stage=prod'), {
        overrides: [
          { name: 'Mem', value: '1024' },
          { name: 'Stage', value: 'prod' },
        ],
        problems: ['"oops" is not Name=Value'],
      });
    });
  });

  it('reads samconfig.toml: deploy before global, a multi-line list, with each value saying where it came from', () => {
    write(
      'samconfig.toml',
      [
        'version = 0.1',
        '[default.global.parameters]',
        'stack_name = "shop"',
        'region = "eu-west-1"',
        'parameter_overrides = "Mem=256"',
        '[default.deploy.parameters]',
        'parameter_overrides = [',
        '  "Mem=1024",   # the real size',
        '  "Stage=prod",',
        ']',
        'region = "eu-central-1"',
      ].join('\n'),
    );
    const { resolution, problems } = gatherInputs(templateFile(), {}, readBoundedFile);
    assert.deepEqual(problems, []);
    assert.deepEqual(resolution, {
      configEnv: 'default',
      parameters: {
        Mem: { value: '1024', origin: 'samconfig.toml [default.deploy.parameters] parameter_overrides' },
        Stage: { value: 'prod', origin: 'samconfig.toml [default.deploy.parameters] parameter_overrides' },
      },
      region: { value: 'eu-central-1', origin: 'samconfig.toml [default.deploy.parameters] region' },
      stackName: { value: 'shop', origin: 'samconfig.toml [default.global.parameters] stack_name' },
    });
  });

  it('reads samconfig.yaml when there is no samconfig.toml, for the chosen config environment', () => {
    write(
      'samconfig.yaml',
      [
        'version: 0.1',
        'default:',
        '  deploy:',
        '    parameters:',
        '      parameter_overrides: Mem=512',
        'prod:',
        '  global:',
        '    parameters:',
        '      region: us-west-2',
        '  deploy:',
        '    parameters:',
        '      parameter_overrides:',
        '        - Mem=3008',
        '        - Stage=prod',
      ].join('\n'),
    );
    const prod = gatherInputs(templateFile(), { configEnv: 'prod' }, readBoundedFile).resolution;
    assert.deepEqual(prod.parameters, {
      Mem: { value: '3008', origin: 'samconfig.yaml [prod.deploy.parameters] parameter_overrides' },
      Stage: { value: 'prod', origin: 'samconfig.yaml [prod.deploy.parameters] parameter_overrides' },
    });
    assert.deepEqual(prod.region, { value: 'us-west-2', origin: 'samconfig.yaml [prod.global.parameters] region' });
    assert.deepEqual(gatherInputs(templateFile(), {}, readBoundedFile).resolution.parameters, {
      Mem: { value: '512', origin: 'samconfig.yaml [default.deploy.parameters] parameter_overrides' },
    });
  });

  it('prefers samconfig.toml to samconfig.yml, as SAM CLI does', () => {
    write('samconfig.yml', 'default:\n  deploy:\n    parameters:\n      region: us-west-2\n');
    write('samconfig.toml', '[default.deploy.parameters]\nregion = "eu-north-1"\n');
    assert.equal(gatherInputs(templateFile(), {}, readBoundedFile).resolution.region?.value, 'eu-north-1');
  });

  it(
    "lets --parameter-overrides replace samconfig's list (as sam deploy does) and a setting win parameter by " +
      'parameter',
    () => {
      write(
        'samconfig.toml',
        '[default.deploy.parameters]\nparameter_overrides = "Mem=1024 Stage=prod"\nregion = "eu-west-1"\n',
      );
      const flag = gatherInputs(
        templateFile(),
        {
          parameterOverrides: { Mem: { value: '2048', origin: '--parameter-overrides' } },
          region: { value: 'ap-south-1', origin: '--region' },
        },
        readBoundedFile,
      ).resolution;
      assert.deepEqual(flag.parameters, { Mem: { value: '2048', origin: '--parameter-overrides' } });
      assert.deepEqual(flag.region, { value: 'ap-south-1', origin: '--region' });
      const setting = gatherInputs(
        templateFile(),
        {
          parameters: { Mem: { value: '4096', origin: 'setting serverlessWorkbench.parameters' } },
        },
        readBoundedFile,
      ).resolution;
      assert.deepEqual(setting.parameters, {
        Mem: { value: '4096', origin: 'setting serverlessWorkbench.parameters' },
        Stage: { value: 'prod', origin: 'samconfig.toml [default.deploy.parameters] parameter_overrides' },
      });
    },
  );

  it('passes the inputs to the model it loads', () => {
    write('samconfig.toml', '[default.deploy.parameters]\nparameter_overrides = "Mem=1024"\n');
    const loaded = loadTemplateFile(templateFile(), { readFile: readBoundedFile });
    assert.ok(loaded.ok);
    assert.equal(loaded.template.functions[0].logicalId, 'Fn');
    assert.deepEqual(loaded.inputs.resolution.parameters, {
      Mem: { value: '1024', origin: 'samconfig.toml [default.deploy.parameters] parameter_overrides' },
    });
  });

  it('reuses inputs gathered before instead of reading samconfig again (the editor, on each keystroke)', () => {
    write('samconfig.toml', '[default.deploy.parameters]\nparameter_overrides = "Mem=1024"\n');
    const first = loadTemplateFile(templateFile(), { readFile: readBoundedFile });
    assert.ok(first.ok);
    const read: string[] = [];
    const again = loadTemplateText(fs.readFileSync(templateFile(), 'utf8'), templateFile(), {
      readFile: (file) => {
        read.push(path.basename(file));
        return readBoundedFile(file);
      },
      inputs: first.inputs,
    });
    assert.deepEqual(read, []);
    assert.equal(again.inputs, first.inputs);
    assert.equal(again.template?.functions[0].memorySize.value, 1024);
  });

  it('turns a broken samconfig into a warning with file and line, and the template still loads', () => {
    write('samconfig.toml', 'version = 0.1\n[default.deploy.parameters]\nstack_name = "open\n');
    const loaded = loadTemplateFile(templateFile(), { readFile: readBoundedFile });
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.inputs.problems, [
      {
        file: path.join(dir, 'samconfig.toml'),
        line: 3,
        message:
          'samconfig.toml cannot be read: unterminated or invalid string. Its parameter overrides, Region and ' +
          'stack name are not used.',
      },
    ]);
    assert.deepEqual(loaded.inputs.resolution, { configEnv: 'default' });

    write(
      'samconfig.toml',
      'version = 0.1\n[default.deploy.parameters]\nregion = "eu-west-1"\nparameter_overrides = 42\n',
    );
    const wrongType = readSamconfig(dir, readBoundedFile);
    assert.deepEqual(
      wrongType.problems.map((p) => [p.line, p.message]),
      [[4, 'parameter_overrides in samconfig.toml should be a string "A=1 B=2" or a list of "A=1", not 42.']],
    );
    assert.equal(wrongType.samconfig?.region?.value, 'eu-west-1');
  });

  it('gives the line of a YAML error and says when the chosen config environment is missing', () => {
    write('samconfig.yaml', 'default:\n  deploy:\n    parameters: [\n');
    assert.deepEqual(
      readSamconfig(dir, readBoundedFile).problems.map((p) => [path.basename(p.file), p.line]),
      [['samconfig.yaml', 4]],
    );
    fs.rmSync(path.join(dir, 'samconfig.yaml'));
    write('samconfig.toml', '[default.deploy.parameters]\nregion = "eu-west-1"\n');
    assert.deepEqual(
      readSamconfig(dir, readBoundedFile, 'staging').problems.map((p) => [p.line, p.message]),
      [[1, 'samconfig.toml has no config environment "staging"; nothing in it is used.']],
    );
  });

  it('reads no samconfig for a Serverless Framework service', () => {
    write('samconfig.toml', '[default.deploy.parameters]\nregion = "eu-west-1"\n');
    const { resolution } = gatherInputs(
      path.join(dir, 'serverless.yml'),
      { stage: { value: 'prod', origin: '--stage' } },
      readBoundedFile,
    );
    assert.deepEqual(resolution, { configEnv: 'default', stage: { value: 'prod', origin: '--stage' } });
  });
});
