/** A function that cannot start; reported to the user like a Lambda init error, with its type. */
export class LaunchError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = errorType;
  }
}
