/**
 * Codes of the `error` messages the server sends (besides the `TradegymError` codes of a
 * run that could not start). Stable: clients branch on them.
 */
export type ProtocolErrorCode =
  /** The frame is not valid JSON text (or is binary). */
  | 'E_BAD_JSON'
  /** The JSON has no known `type`. */
  | 'E_UNKNOWN_TYPE'
  /** The message does not match its type's schema. */
  | 'E_SCHEMA'
  /** The frame is larger than the announced `maxMessageBytes`. */
  | 'E_TOO_LARGE'
  /** Too many messages; the token bucket is empty. */
  | 'E_RATE_LIMITED'
  /** No run with that id. */
  | 'E_UNKNOWN_RUN'
  /** The client neither started nor subscribed to the run it tried to control. */
  | 'E_NOT_ALLOWED'
  /** The run takes no commands (finished, or a training run streamed from the CLI). */
  | 'E_NOT_CONTROLLABLE'
  /** A data, checkpoint or strategy id that the server did not list. */
  | 'E_UNKNOWN_ID'
  /** Too many simulations are running. */
  | 'E_TOO_MANY_RUNS'
  /** An unexpected failure (logged on the server). */
  | 'E_INTERNAL';

/** An error the server reports to one client; the connection stays open. */
export class ProtocolError extends Error {
  /**
   * @param requestId the rejected message's `requestId` when it could be read, so the client
   *   can match the error to its request even when the rest of the message was invalid.
   */
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}
