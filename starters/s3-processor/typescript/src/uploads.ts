// Handles the objects uploaded under uploads/: S3 sends each one's key and size in the event.
import type { S3Event } from 'aws-lambda';

const KINDS = { image: ['jpg', 'jpeg', 'png', 'gif', 'webp'], document: ['pdf', 'txt', 'csv', 'json'] };
export type Kind = keyof typeof KINDS | 'other';

export interface Upload {
  readonly bucket: string;
  readonly key: string;
  readonly sizeBytes: number;
  readonly kind: Kind;
}

function kindOf(key: string): Kind {
  const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  const kinds = Object.keys(KINDS) as (keyof typeof KINDS)[];
  return kinds.find((kind) => KINDS[kind].includes(extension)) ?? 'other';
}

export async function handler(event: S3Event): Promise<{ processed: Upload[] }> {
  const processed = event.Records.map(({ s3 }): Upload => {
    // S3 URL-encodes keys in events, with spaces as `+`.
    const key = decodeURIComponent(s3.object.key.replace(/\+/g, ' '));
    // Your processing goes here (read the object with GetObject, make a thumbnail, index it...).
    return { bucket: s3.bucket.name, key, sizeBytes: s3.object.size, kind: kindOf(key) };
  });
  console.log(JSON.stringify({ level: 'INFO', message: 'uploads processed', processed }));
  return { processed };
}
