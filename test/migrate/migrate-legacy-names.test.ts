import { describe, expect, it } from 'vitest';
import { useScaffoldedFiles } from '../schematics/utils/service-tree.js';
import { migrate } from './support/migrate-runner.js';

const service = useScaffoldedFiles();

describe('physical names of recreated resources', () => {
  it('points the policy and environment that named a SAM bucket at the new bucket, and reports the names and the log group', async () => {
    const tree = await migrate(service(), { source: 'names/template.yaml' });
    const construct = tree.readText(
      '/infra/functions/resize-function.construct.ts',
    );

    // The function reads the bucket that triggers it, not the legacy one.
    expect(construct).not.toContain('photo-uploads');
    expect(construct).toContain('BUCKET: uploads(this).bucketName,');
    expect(construct).toContain(
      '`arn:${Stack.of(this).partition}:s3:::${uploads(this).bucketName}/*`,',
    );
    // Prettier pads the table's cells.
    const report = tree.readText('/MIGRATION.md').replace(/ +/g, ' ');
    expect(report).toContain(
      '| name photo-uploads of Uploads (bucket) | is not carried over: the legacy stack keeps that name; the IAM statements and environment of resize-function that named it now name the new bucket |',
    );
    expect(report).toContain(
      '| name photo-alerts of Alerts (topic) | is not carried over: the legacy stack keeps that name, the new resource gets a generated one |',
    );
    expect(report).toContain(
      '| log group ResizeLogs (RetentionInDays 14) | is the log group of ResizeFunction, not carried over: resize-function writes to the new log group NestFunction creates',
    );
  });

  it('does the same for the bucket Serverless creates for an s3 event', async () => {
    const tree = await migrate(service(), { source: 'names/serverless.yml' });
    const construct = tree.readText('/infra/functions/inbox.construct.ts');

    expect(construct).not.toContain('photo-inbox');
    expect(construct).toContain(
      'BUCKET: s3BucketPhotoDashinbox(this).bucketName,',
    );
    expect(construct).toContain(
      '`arn:aws:s3:::${s3BucketPhotoDashinbox(this).bucketName}/*`',
    );
  });
});
