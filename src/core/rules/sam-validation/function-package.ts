import { entryOf, stringOf, valueOf } from '../../model/nodes';
import type { SamCheck } from './check';
import { samResources } from './check';

/**
 * Properties a zip package needs: Lambda runs the handler with the runtime (Lambda API reference, "CreateFunction").
 */
const ZIP_NEEDS = ['Runtime', 'Handler'];
const IMAGE = 'Image';
/**
 * `sam build` makes the image from these and writes ImageUri when it packages (SAM developer guide, "Building container
 * images").
 */
const IMAGE_BUILD_METADATA = ['DockerContext', 'Dockerfile'];

/** A function's package decides what it must say: a zip its runtime and handler, an image where the image is. */
export const functionPackage: SamCheck = {
  messages: {
    zipNeeds: 'A function packaged as a .zip file (PackageType Zip, the default) needs {{missing}}.',
    imageNeedsUri:
      'A function with PackageType Image needs ImageUri, or Metadata with DockerContext and Dockerfile for sam ' +
      'build to make the image.',
  },
  check(template, report) {
    for (const { resource, properties } of samResources(template, 'AWS::Serverless::Function')) {
      const packageType = entryOf(properties, 'PackageType');
      if (packageType && packageType.value.kind !== 'scalar') continue;
      const isImage = stringOf(packageType?.value) === IMAGE;
      // An ImageUri without PackageType is an image function too.
      if (!packageType && entryOf(properties, 'ImageUri')) continue;
      const where = entryOf(resource.node, 'Properties')?.keySpan ?? resource.idSpan;
      if (isImage) {
        const metadata = valueOf(resource.node, 'Metadata');
        if (!entryOf(properties, 'ImageUri') && !IMAGE_BUILD_METADATA.some((k) => entryOf(metadata, k)))
          report({ messageId: 'imageNeedsUri', span: packageType!.value.span, logicalId: resource.logicalId });
        continue;
      }
      const missing = ZIP_NEEDS.filter((k) => !entryOf(properties, k));
      if (missing.length)
        report({
          messageId: 'zipNeeds',
          data: { missing: missing.join(' and ') },
          span: where,
          logicalId: resource.logicalId,
        });
    }
  },
};
