import { entryOf, stringOf } from '../../model/nodes';
import { referencedId } from '../../model/references';
import type { SamCheck } from './check';
import { samEvents } from './check';

const BUCKET_TYPE = 'AWS::S3::Bucket';

/**
 * SAM wires an S3 event by adding the notification to the bucket's own `NotificationConfiguration`, so the bucket
 * must be an `AWS::S3::Bucket` of the same template, named with `!Ref` (SAM developer guide, "S3" event: "Bucket
 * ... This bucket must exist in the same template").
 */
export const s3BucketInTemplate: SamCheck = {
  messages: {
    bucketOutside:
      'S3 events need a bucket of this template (Bucket: !Ref MyBucket): SAM adds the notification to the ' +
      "bucket's definition, and {{what}} is not one.",
  },
  check(template, report) {
    for (const { owner, event } of samEvents(template)) {
      if (event.type !== 'S3') continue;
      const bucket = entryOf(event.properties, 'Bucket');
      if (!bucket) continue;
      const value = bucket.value;
      let what: string | undefined;
      if (value.kind === 'scalar') what = `'${stringOf(value) ?? ''}'`;
      else if (value.kind === 'intrinsic' && value.name === 'Ref') {
        const id = referencedId(value) ?? '';
        const target = template.resourceById.get(id);
        if (target?.type !== BUCKET_TYPE) what = target ? `'${id}' (an ${target.type})` : `'${id}'`;
      }
      if (what !== undefined)
        report({ messageId: 'bucketOutside', data: { what }, span: value.span, logicalId: owner.logicalId });
    }
  },
};
