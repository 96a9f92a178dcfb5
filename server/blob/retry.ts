/**
 * Retries an operation that failed with a TransientBlobError, waiting baseDelayMs, 2x, 4x, ...
 * between attempts. Other errors (a bad key, a refused token) are thrown at once.
 */
import { TransientBlobError } from './types';

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  onRetry?: (attempt: number, error: TransientBlobError) => void;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 5, baseDelayMs: 200 };

export async function withRetry<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof TransientBlobError) || attempt >= options.attempts) throw error;
      options.onRetry?.(attempt, error);
      await new Promise((resolve) => setTimeout(resolve, options.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}
