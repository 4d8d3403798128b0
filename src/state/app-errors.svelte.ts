import { unexpectedError } from '../lib/messages/notebook';

/**
 * Errors nobody caught (a failed promise in a worker client, a bug): shown in a banner instead of a blank page.
 * One instance, created in main.ts before the app mounts, so even a failure while mounting is reported.
 */
export class AppErrors {
  messages = $state.raw<string[]>([]);

  report(error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    const text = unexpectedError(detail);
    if (!this.messages.includes(text)) this.messages = [...this.messages, text];
  }

  dismiss(text: string): void {
    this.messages = this.messages.filter((m) => m !== text);
  }
}
