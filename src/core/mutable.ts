/** A readonly result type while it is being filled in: optional fields are assigned only when present. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
