import * as path from 'path';
import { valueOf, type Node, type Span } from '../model/nodes';
import type { Resource, Template } from '../model/template';

/** How a local path is packaged: a code folder zipped, a file sent as it is, or a child template packaged first. */
export type ArtifactKind = 'zip' | 'file' | 'template';

/**
 * How the uploaded object is written back into the template, in the shape each property accepts: an `s3://` URI,
 * `{S3Bucket, S3Key}` (Lambda's Code/Content), `{Bucket, Key}` (S3 locations), or an `https://` URL (templates).
 */
export type S3Form = 's3-uri' | 'code' | 'location' | 'url';

interface Packageable {
  readonly kind: ArtifactKind;
  readonly form: S3Form;
}

/**
 * The properties `sam deploy` and `aws cloudformation package` upload when they hold a local path
 * ("sam package", https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-package.html;
 * "aws cloudformation package", https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html).
 */
const PACKAGEABLE: Readonly<Record<string, Readonly<Record<string, Packageable>>>> = {
  'AWS::Serverless::Function': { CodeUri: { kind: 'zip', form: 's3-uri' } },
  'AWS::Serverless::LayerVersion': { ContentUri: { kind: 'zip', form: 's3-uri' } },
  'AWS::Serverless::Api': { DefinitionUri: { kind: 'file', form: 'location' } },
  'AWS::Serverless::HttpApi': { DefinitionUri: { kind: 'file', form: 'location' } },
  'AWS::Serverless::StateMachine': { DefinitionUri: { kind: 'file', form: 'location' } },
  'AWS::Serverless::GraphQLApi': { SchemaUri: { kind: 'file', form: 's3-uri' } },
  'AWS::Serverless::Application': { Location: { kind: 'template', form: 'url' } },
  'AWS::Lambda::Function': { Code: { kind: 'zip', form: 'code' } },
  'AWS::Lambda::LayerVersion': { Content: { kind: 'zip', form: 'code' } },
  'AWS::ApiGateway::RestApi': { BodyS3Location: { kind: 'file', form: 'location' } },
  'AWS::StepFunctions::StateMachine': { DefinitionS3Location: { kind: 'file', form: 'location' } },
  'AWS::AppSync::GraphQLSchema': { DefinitionS3Location: { kind: 'file', form: 's3-uri' } },
  'AWS::CloudFormation::Stack': { TemplateURL: { kind: 'template', form: 'url' } },
};

export interface LocalArtifact extends Packageable {
  /** The resources that use it (a CodeUri in Globals serves every function that inherits it). */
  readonly logicalIds: readonly string[];
  readonly resourceType: string;
  readonly property: string;
  /** Absolute path on disk. */
  readonly path: string;
  /** The value as written, replaced by the uploaded object's address. */
  readonly span: Span;
}

/** Values that already name an object in S3 or on the web are left as they are. */
const REMOTE = /^(s3|https?):\/\//i;

/**
 * Every local path the template's resources point at, once per place it is written (a Globals CodeUri is one
 * artifact however many functions inherit it), in document order. Paths are relative to the template's folder.
 */
export function localArtifacts(template: Template): LocalArtifact[] {
  const dir = path.dirname(template.fileName);
  const bySpan = new Map<string, { artifact: LocalArtifact; logicalIds: string[] }>();
  for (const resource of writtenResources(template)) {
    for (const [property, packageable] of Object.entries(PACKAGEABLE[resource.type] ?? {})) {
      const node = valueOf(resource.properties, property);
      const local = localPathOf(node);
      if (!node || local === undefined) continue;
      const key = `${node.span.start}:${node.span.end}`;
      const found = bySpan.get(key);
      if (found) {
        found.logicalIds.push(resource.logicalId);
        continue;
      }
      const logicalIds = [resource.logicalId];
      const artifact = {
        ...packageable,
        logicalIds,
        resourceType: resource.type,
        property,
        path: path.resolve(dir, local),
        span: node.span,
      };
      bySpan.set(key, { artifact, logicalIds });
    }
  }
  return [...bySpan.values()].map((v) => v.artifact).sort((a, b) => a.span.start - b.span.start);
}

function writtenResources(template: Template): Resource[] {
  return template.resources.filter((r) => r.origin === 'written');
}

function localPathOf(node: Node | undefined): string | undefined {
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  const value = node.value.trim();
  return value && !REMOTE.test(value) ? value : undefined;
}

/** Where an uploaded object is, for the template's text. */
export interface S3Object {
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
}

/** The object's address in the form the property takes, as JSON, which YAML reads as the same flow value. */
export function s3Reference(form: S3Form, object: S3Object): string {
  switch (form) {
    case 's3-uri':
      return JSON.stringify(`s3://${object.bucket}/${object.key}`);
    case 'code':
      return JSON.stringify({ S3Bucket: object.bucket, S3Key: object.key });
    case 'location':
      return JSON.stringify({ Bucket: object.bucket, Key: object.key });
    case 'url':
      return JSON.stringify(`https://s3.${object.region}.amazonaws.com/${object.bucket}/${object.key}`);
  }
}
