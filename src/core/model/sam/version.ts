import type { MapNode } from '../nodes';
import { mapAt, toPlain, valueOf } from '../nodes';
import { hashedId } from './collector';
import { resolveParameterRefs } from './parameter-values';
import { pythonJson } from './python-json';

/**
 * `<Fn>Version<hash>`: SAM publishes a new version when the hash changes. It hashes the Lambda `Code` it
 * builds from `CodeUri`/`InlineCode`/`ImageUri` (parameter references resolved), plus `Environment`,
 * `MemorySize` and an enabled `SnapStart`; this rebuilds that input. It differs from SAM's with
 * `AutoPublishAliasAllProperties` or `AutoPublishCodeSha256` (SAM then hashes the whole generated
 * function or a given digest) and is still stable and change-sensitive there.
 */
export function functionVersionId(
  functionId: string,
  properties: MapNode | undefined,
  parameterValues: ReadonlyMap<string, unknown>,
): string {
  const resolve = (value: unknown): unknown => resolveParameterRefs(value, parameterValues);
  const data: Record<string, unknown> = { ...(resolve(lambdaCode(properties)) as Record<string, unknown>) };
  const environment = mapAt(properties, 'Environment');
  if (environment) Object.assign(data, toPlain(environment));
  const memory = valueOf(properties, 'MemorySize');
  if (memory) data.MemorySize = toPlain(memory);
  const snapStart = valueOf(properties, 'SnapStart');
  const snapStartPlain = snapStart ? (resolve(toPlain(snapStart)) as Record<string, unknown>) : undefined;
  if (snapStartPlain && snapStartPlain.ApplyOn !== 'None') data.SnapStart = snapStartPlain;
  const extra = valueOf(properties, 'AutoPublishCodeSha256');
  return hashedId(`${functionId}Version`, pythonJson(data) + (extra ? pythonJson(toPlain(extra)) : ''));
}

/**
 * The `Code` of the Lambda function SAM writes: `{S3Bucket, S3Key[, S3ObjectVersion]}`, `{ZipFile}` or `{ImageUri}`.
 */
function lambdaCode(properties: MapNode | undefined): unknown {
  const inline = valueOf(properties, 'InlineCode');
  if (inline) return { ZipFile: toPlain(inline) };
  const uri = valueOf(properties, 'CodeUri');
  if (uri) {
    const plain = toPlain(uri);
    if (typeof plain === 'string') {
      const m = /^s3:\/\/([^/]+)\/([^?]*)(?:\?versionId=(.*))?$/.exec(plain);
      return m ? { S3Bucket: m[1], S3Key: m[2], ...(m[3] ? { S3ObjectVersion: m[3] } : {}) } : { S3Bucket: plain };
    }
    if (plain && typeof plain === 'object' && 'Bucket' in plain) {
      const { Bucket, Key, Version } = plain as Record<string, unknown>;
      return { S3Bucket: Bucket, S3Key: Key, ...(Version !== undefined ? { S3ObjectVersion: Version } : {}) };
    }
    return plain;
  }
  const image = valueOf(properties, 'ImageUri');
  return image ? { ImageUri: toPlain(image) } : {};
}
