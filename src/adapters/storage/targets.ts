import path from 'node:path';
import type { PublishTargetConfig } from '../db/schema.ts';
import { folderTarget } from './folder-target.ts';
import { gitTarget } from './git-target.ts';
import { s3Target } from './s3-target.ts';
import type { SiteTarget } from './site-target.ts';

/** A configured target; credentials are read from the environment variables the config names. */
export function targetFromConfig(config: PublishTargetConfig, options: { workDir: string; env?: NodeJS.ProcessEnv }): SiteTarget {
  const env = options.env ?? process.env;
  switch (config.kind) {
    case 'folder':
      return folderTarget(config.path);
    case 's3': {
      const accessKeyId = config.accessKeyIdEnv ? env[config.accessKeyIdEnv] : undefined;
      const secretAccessKey = config.secretAccessKeyEnv ? env[config.secretAccessKeyEnv] : undefined;
      if ((config.accessKeyIdEnv || config.secretAccessKeyEnv) && (!accessKeyId || !secretAccessKey)) {
        throw new Error(`The S3 credentials are missing: set ${config.accessKeyIdEnv} and ${config.secretAccessKeyEnv} in the environment.`);
      }
      return s3Target({ bucket: config.bucket, prefix: config.prefix, endpoint: config.endpoint, region: config.region, credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined });
    }
    case 'git':
      return gitTarget({ remote: config.remote, branch: config.branch, workDir: path.join(options.workDir, 'git') });
  }
}
