/**
 * Stable error codes. Callers (CLI, server, tests) branch on `code`, never on message text.
 */
export type ErrorCode =
  | 'E_FILE_UNREADABLE'
  | 'E_CSV_EMPTY'
  | 'E_CSV_NO_ROWS'
  | 'E_CSV_MISSING_COLUMN'
  | 'E_CSV_BAD_VALUE'
  | 'E_CSV_BAD_TIMESTAMP'
  | 'E_CSV_UNSORTED'
  | 'E_CSV_DUPLICATE_TIMESTAMP'
  | 'E_CSV_OHLC_INCONSISTENT'
  | 'E_CSV_BAD_HEADER'
  | 'E_CSV_MALFORMED_ROW'
  | 'E_CSV_NON_FINITE'
  | 'E_CSV_NON_POSITIVE_PRICE'
  | 'E_CSV_NEGATIVE_VOLUME'
  | 'E_DATA_TOO_SHORT'
  | 'E_BAD_CONFIG'
  | 'E_BAD_ARGUMENT'
  | 'E_REWARD_MODULE'
  | 'E_REWARD_NON_FINITE'
  | 'E_ENV_STATE'
  | 'E_CHECKPOINT'
  | 'E_BACKEND_UNAVAILABLE'
  | 'E_NON_FINITE_WEIGHTS'
  | 'E_LOOKAHEAD'
  | 'E_INTERNAL';

/** Where an error happened, for messages a user can act on. */
export interface ErrorLocation {
  /** File path as the user gave it. */
  file?: string;
  /** 1-based line number in the file (the header is line 1). */
  line?: number;
  /** Column / field name. */
  column?: string;
  /** The offending value, as text. */
  value?: string;
}

/**
 * The one error type tradegym throws at its boundaries: a stable `code`, a sentence that
 * says what is wrong, where, what was expected and how to fix it, and structured `location`.
 */
export class TradegymError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TradegymError';
    this.code = code;
    this.location = location;
  }
}

/** True when `e` is a TradegymError (optionally with the given code). */
export function isTradegymError(e: unknown, code?: ErrorCode): e is TradegymError {
  return e instanceof TradegymError && (code === undefined || e.code === code);
}
