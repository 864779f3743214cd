import { DeleteObjectsCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { hashOfFile, type SiteFile } from '../../domain/site-file.ts';
import { assertSitePath, publishOrder, type Manifest, type PublishOutcome, type SiteTarget } from './site-target.ts';

export interface S3TargetOptions {
  bucket: string;
  /** Key prefix, e.g. `status/`. (Default: none) */
  prefix?: string;
  /** S3-compatible endpoint (MinIO, Garage, R2…); AWS when unset. */
  endpoint?: string;
  /** (Default: us-east-1) */
  region?: string;
  /** Credentials; when unset, the SDK's usual chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const manifestKey = '.tocsin-manifest.json';

/**
 * An S3-compatible bucket. Each object is replaced whole (S3 PUTs are atomic), data before the pages
 * that use it, removed files last and the manifest of hashes after everything. The manifest is first
 * written without the paths about to change, so a publish that fails midway is caught up by the next.
 */
export function s3Target(options: S3TargetOptions): SiteTarget {
  const client = new S3Client({
    region: options.region ?? 'us-east-1',
    endpoint: options.endpoint,
    forcePathStyle: Boolean(options.endpoint),
    credentials: options.credentials,
    // Without these, streamed uploads are stored with aws-chunked framing by some S3-compatible servers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  const prefix = options.prefix ? options.prefix.replace(/^\/+/, '').replace(/\/*$/, '/') : '';
  const key = (path: string) => `${prefix}${path}`;

  async function readManifest(): Promise<Manifest> {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: key(manifestKey) }));
      return JSON.parse(await object.Body!.transformToString()) as Manifest;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return {};
      throw error;
    }
  }

  async function putManifest(manifest: Manifest): Promise<void> {
    await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: key(manifestKey), Body: JSON.stringify(manifest), ContentType: 'application/json' }));
  }

  return {
    description: `s3 ${options.bucket}/${prefix}`,
    async publish(files: SiteFile[]): Promise<PublishOutcome> {
      const previous = await readManifest();
      const next: Manifest = {};
      const changed: SiteFile[] = [];
      for (const file of files) {
        assertSitePath(file.path);
        next[file.path] = hashOfFile(file);
        if (previous[file.path] !== next[file.path]) changed.push(file);
      }
      const removed = Object.keys(previous).filter((path) => !(path in next));
      if (changed.length === 0 && removed.length === 0) return { written: 0, unchanged: files.length, deleted: 0 };
      // First the manifest without the paths about to change: should this publish die midway, the
      // next one writes them again, even one whose content went back to what the old manifest said.
      const settled = { ...previous };
      for (const file of changed) delete settled[file.path];
      for (const path of removed) delete settled[path];
      await putManifest(settled);
      for (const file of changed.sort((a, b) => publishOrder(a.path, b.path))) {
        await client.send(
          new PutObjectCommand({
            Bucket: options.bucket,
            Key: key(file.path),
            Body: file.body,
            ContentType: file.contentType,
            // Short: a status page must not linger in caches during an incident.
            CacheControl: 'public, max-age=30',
          }),
        );
      }
      for (let index = 0; index < removed.length; index += 1000) {
        await client.send(new DeleteObjectsCommand({ Bucket: options.bucket, Delete: { Objects: removed.slice(index, index + 1000).map((path) => ({ Key: key(path) })) } }));
      }
      await putManifest(next);
      return { written: changed.length, unchanged: files.length - changed.length, deleted: removed.length };
    },
  };
}
