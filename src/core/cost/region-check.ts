import { COMMERCIAL_REGIONS, OTHER_PARTITIONS } from '../aws-regions';
import { closest } from '../rules/suggest';

/**
 * Why a Region cannot be priced, or undefined when it can: a code that is no Region (`us-est-1`: "did you mean
 * us-east-1?") or a Region of another partition, whose prices (in CNY for China) are not shipped.
 */
export function regionProblem(region: string): string | undefined {
  const partition = OTHER_PARTITIONS.find((p) => region.startsWith(p.prefix));
  if (partition)
    return (
      `Region ${region} is in the ${partition.name} partition; Serverless Workbench prices only the commercial ` +
      `aws partition (its prices differ and are not shipped).`
    );
  if (COMMERCIAL_REGIONS.includes(region)) return undefined;
  const suggestion = closest(region, COMMERCIAL_REGIONS);
  const hint = suggestion ? `; did you mean ${suggestion}?` : ` (Regions: ${COMMERCIAL_REGIONS.join(', ')}).`;
  return `Unknown Region '${region}'${hint}`;
}
