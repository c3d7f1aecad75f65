import { createHash } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { gzipSync } from 'zlib';

/**
 * An npm registry on 127.0.0.1 serving a few packages built in the test, so a real `npm install` runs without the
 * internet. It speaks what npm asks of a registry (npm docs, "registry"; the package metadata API of
 * https://github.com/npm/registry/blob/main/docs/responses/package-metadata.md): `GET /<name>` (a scoped name with its
 * slash as %2f) answers the packument, `dist.tarball` points at a gzipped tar whose files sit under `package/`,
 * checked against `dist.integrity` (sha512) and `dist.shasum` (sha1). Point npm at it with `npm_config_registry`.
 */
export interface FakePackage {
  readonly name: string;
  readonly version: string;
  /** Paths inside the package (`package.json` is written from name and version unless given). */
  readonly files: Readonly<Record<string, string>>;
}

export interface FakeNpmRegistry {
  readonly url: string;
  /** Request paths, decoded, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startFakeNpmRegistry(packages: readonly FakePackage[]): Promise<FakeNpmRegistry> {
  const requests: string[] = [];
  const tarballs = new Map<string, Buffer>();
  let url = '';
  const server = http.createServer((req, res) => {
    const wanted = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(1));
    requests.push(wanted);
    const tarball = tarballs.get(wanted);
    if (tarball) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': tarball.length });
      return void res.end(tarball);
    }
    const versions = packages.filter((p) => p.name === wanted);
    if (versions.length === 0) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      return void res.end('{"error":"Not found"}');
    }
    const packument = {
      name: wanted,
      'dist-tags': { latest: versions[versions.length - 1].version },
      versions: Object.fromEntries(
        versions.map((p) => {
          const file = `tarballs/${p.name}-${p.version}.tgz`;
          const body = tarballs.get(file)!;
          const dist = {
            tarball: `${url}/${file}`,
            integrity: `sha512-${createHash('sha512').update(body).digest('base64')}`,
            shasum: createHash('sha1').update(body).digest('hex'),
          };
          return [p.version, { name: p.name, version: p.version, dist }];
        }),
      ),
    };
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(packument));
  });
  for (const p of packages) {
    const files = { 'package.json': JSON.stringify({ name: p.name, version: p.version }), ...p.files };
    tarballs.set(`tarballs/${p.name}-${p.version}.tgz`, gzipSync(tar(files)));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The tar block size, and the fields of a ustar header this needs (POSIX.1-1988 "ustar Interchange Format"). */
const BLOCK = 512;

/** A ustar archive of `files`, each under `package/` as npm packs them. */
function tar(files: Readonly<Record<string, string>>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    const header = Buffer.alloc(BLOCK);
    header.write(`package/${name}`, 0, 100);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write(' '.repeat(8), 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    const sum = header.reduce((total, byte) => total + byte, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK));
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(blocks);
}
