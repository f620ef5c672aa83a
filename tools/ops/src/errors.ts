/** Exit codes: scripts tell a refusal from a failure, and reconcile's "something is overdue" from both. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  refused: 3,
  overdue: 4,
} as const;

/** An error the CLI reports as one line, with its exit code. Messages name ids and coordinates, never personal data. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** The operator may not do this (no operator named, no right, no reason given). The message says why. */
export class RefusedError extends CliError {
  constructor(message: string) {
    super(`refused: ${message}`, EXIT.refused);
  }
}
