export type SamconfigValue = string | number | boolean | null | SamconfigValue[];

/** A value of samconfig and the 1-based line it is written on, for messages a user can follow. */
export interface SamconfigEntry {
  readonly value: SamconfigValue;
  readonly line: number;
}

/** Tables by dotted name (`default.deploy.parameters`), each key with its value and line. */
export type SamconfigTables = Readonly<Record<string, Readonly<Record<string, SamconfigEntry>>>>;

export type SamconfigRead =
  | { readonly ok: true; readonly tables: SamconfigTables }
  | { readonly ok: false; readonly line: number; readonly message: string };
