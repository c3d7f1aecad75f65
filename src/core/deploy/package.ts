import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Span } from '../model/nodes';
import type { Template } from '../model/template';
import { localArtifacts, s3Reference, type LocalArtifact } from './artifacts';
import { buildCode } from './build';
import { fileArtifact, hashBytes, zipFolder, zipSingleFile, type ZippedCode } from './zip';

/** Where packaged artifacts go: an S3 bucket in a Region (see s3-store.ts), or a test's stand-in. */
export interface ArtifactStore {
  readonly bucket: string;
  readonly region: string;
  /** Whether an object with this key is already there (HeadObject), so the same bytes are not sent twice. */
  has(key: string): Promise<boolean>;
  put(key: string, body: Buffer): Promise<void>;
}

export interface PackagedArtifact {
  readonly artifact: LocalArtifact;
  readonly key: string;
  readonly bytes: number;
  /** False when an object with the same content hash was already in the bucket. */
  readonly uploaded: boolean;
  /** Base64 SHA-256 of what was uploaded (a function's CodeSha256 once deployed). */
  readonly sha256: string;
}

export interface PackagedTemplate {
  /** The template's text with every local path replaced by its S3 address; comments and layout kept. */
  readonly text: string;
  readonly artifacts: readonly PackagedArtifact[];
  readonly uploadedBytes: number;
}

/** A local artifact that cannot be packaged, with the place in the template that names it. */
export class PackageError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/** Archives a function's code goes up as they are (SAM CLI uploads a CodeUri naming a .zip or .jar unchanged). */
const ARCHIVE = /\.(zip|jar)$/i;
/** Nested templates are packaged to this depth at most, so a template that includes itself ends. */
export const MAX_NESTED_TEMPLATE_DEPTH = 5;

export interface PackageOptions {
  /** `s3_prefix`: put before every key. */
  readonly prefix?: string;
  /** Reads a nested template (`Location`, `TemplateURL`) into a model. */
  readonly loadChild: (file: string) => Template | undefined;
}

/**
 * What `sam package` does: each local artifact built if asked, zipped reproducibly, keyed by its MD5 like SAM CLI,
 * uploaded unless the bucket already has it, and the template rewritten to point at the objects.
 */
export async function packageTemplate(
  template: Template,
  store: ArtifactStore,
  options: PackageOptions,
  depth = 0,
): Promise<PackagedTemplate> {
  const packaged: PackagedArtifact[] = [];
  const edits: { span: Span; text: string }[] = [];
  let uploadedBytes = 0;
  for (const artifact of localArtifacts(template)) {
    const content = await contentOf(template, artifact, store, options, depth);
    const extension =
      artifact.kind === 'template' ? '.template' : artifact.kind === 'file' ? path.extname(artifact.path) : '';
    const key = `${options.prefix ? `${options.prefix}/` : ''}${content.code.md5}${extension}`;
    const uploaded = !(await store.has(key));
    if (uploaded) {
      await store.put(key, content.code.bytes);
      uploadedBytes += content.code.bytes.length;
    }
    uploadedBytes += content.nestedBytes;
    packaged.push({ artifact, key, bytes: content.code.bytes.length, uploaded, sha256: content.code.sha256 });
    edits.push({
      span: artifact.span,
      text: s3Reference(artifact.form, { bucket: store.bucket, key, region: store.region }),
    });
  }
  return { text: applyEdits(template.text, edits), artifacts: packaged, uploadedBytes };
}

async function contentOf(
  template: Template,
  artifact: LocalArtifact,
  store: ArtifactStore,
  options: PackageOptions,
  depth: number,
): Promise<{ code: ZippedCode; nestedBytes: number }> {
  const fail = (why: string) =>
    new PackageError(
      `${artifact.property} of ${artifact.logicalIds.join(', ')}: ${why}`,
      template.fileName,
      artifact.span,
    );
  const stat = fs.statSync(artifact.path, { throwIfNoEntry: false });
  if (!stat) throw fail(`${artifact.path} does not exist.`);
  if (artifact.kind === 'template') {
    if (depth >= MAX_NESTED_TEMPLATE_DEPTH)
      throw fail(`nested templates go deeper than ${MAX_NESTED_TEMPLATE_DEPTH} levels.`);
    const child = stat.isFile() ? options.loadChild(artifact.path) : undefined;
    if (!child) throw fail(`${artifact.path} is not a template.`);
    const nested = await packageTemplate(child, store, options, depth + 1);
    return { code: hashBytes(Buffer.from(nested.text, 'utf8'), 1), nestedBytes: nested.uploadedBytes };
  }
  if (artifact.kind === 'file') {
    if (!stat.isFile()) throw fail(`${artifact.path} is not a file.`);
    return { code: fileArtifact(artifact.path), nestedBytes: 0 };
  }
  return { code: await zipLocalCode(template, artifact.logicalIds[0], artifact.path), nestedBytes: 0 };
}

/**
 * A function's or layer's code as its zip: an archive as it is, a single file zipped, a folder built (esbuild, pip)
 * when the template asks for it and zipped reproducibly.
 */
export async function zipLocalCode(template: Template, logicalId: string, codePath: string): Promise<ZippedCode> {
  if (fs.statSync(codePath).isFile()) return ARCHIVE.test(codePath) ? fileArtifact(codePath) : zipSingleFile(codePath);
  const resource = template.resourceById.get(logicalId);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-build-'));
  try {
    return await zipFolder(resource ? await buildCode(resource, codePath, outDir) : codePath);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** Replaces spans from the end backwards so earlier offsets stay valid. */
function applyEdits(text: string, edits: readonly { span: Span; text: string }[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start))
    out = out.slice(0, edit.span.start) + edit.text + out.slice(edit.span.end);
  return out;
}
