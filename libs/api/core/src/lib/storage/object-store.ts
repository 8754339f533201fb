import type * as S3Module from '@aws-sdk/client-s3';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { AppError } from '../errors';
import { APP_CONFIG, type AppConfig } from '../config';

/** The AWS SDK (large) is loaded only when a bucket is configured. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aws = (): typeof S3Module => require('@aws-sdk/client-s3');

/** The file store did not answer: the upload or download may work once it is back (503). */
export class StorageUnavailableError extends AppError {
  constructor() {
    super('internal_error', 503, 'The file store cannot be reached at the moment; nothing was changed. Try again shortly');
  }
}

/**
 * Files kept in S3-compatible storage when `S3_BUCKET` is set (AWS, MinIO, Ceph, or s3rver in the tests); otherwise
 * `enabled` is false and each domain keeps its files' bytes in PostgreSQL, as it always has. Objects are private:
 * they are only ever read here, after the domain's permission check, and served by the API.
 */
@Injectable()
export class ObjectStore implements OnModuleDestroy {
  private readonly logger = new Logger('ObjectStore');
  private readonly client: S3Module.S3Client | null;
  private readonly bucket: string;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 's3'>) {
    const s3 = config.s3;
    this.bucket = s3?.bucket ?? '';
    this.client = s3
      ? new (aws().S3Client)({
          region: s3.region,
          endpoint: s3.endpoint,
          forcePathStyle: s3.forcePathStyle,
          credentials: s3.accessKeyId && s3.secretAccessKey ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } : undefined,
          maxAttempts: 3,
          // Checksums only where S3 requires them: self-hosted stores do not all read the newer checksum headers.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        })
      : null;
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.call(() => this.s3().send(new (aws().PutObjectCommand)({ Bucket: this.bucket, Key: key, Body: data, ContentType: contentType, ContentLength: data.length })));
  }

  async get(key: string): Promise<Buffer> {
    const object = await this.call(() => this.s3().send(new (aws().GetObjectCommand)({ Bucket: this.bucket, Key: key })));
    return Buffer.from(await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
  }

  /** Best effort: an object left behind costs storage, never correctness (nothing refers to it any more). */
  async delete(key: string): Promise<void> {
    try {
      await this.s3().send(new (aws().DeleteObjectCommand)({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      this.logger.warn(`Could not delete ${key}: ${(error as Error).message}`);
    }
  }

  onModuleDestroy(): void {
    this.client?.destroy();
  }

  private s3(): S3Module.S3Client {
    if (!this.client) throw new Error('S3 storage is not configured (S3_BUCKET)');
    return this.client;
  }

  private async call<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      this.logger.error(`S3 request failed: ${(error as Error).name}: ${(error as Error).message}`);
      throw new StorageUnavailableError();
    }
  }
}
