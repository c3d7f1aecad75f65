/**
 * JSON inside a `<script type="application/json">` must not be able to close it, whatever a logical ID or description
 * holds.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
