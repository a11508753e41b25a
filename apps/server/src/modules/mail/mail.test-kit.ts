import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../testing/index.ts';

/** A mail as the SMTP server received it, parsed. */
export interface ReceivedMail {
  to: string[];
  parsed: ParsedMail;
  subject: string;
  text: string;
  html: string;
  header(name: string): string | undefined;
}

/**
 * A real SMTP server in the test process. `refuse` makes it refuse recipients (a bounce);
 * `stop()`/`start()` take it down and up on the same port (an outage); `holding` keeps the
 * answer to DATA back (a send in flight) until `held[i].answer(accept)`.
 */
export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  readonly refuse = new Set<string>();
  /** While true, mail is held after its data arrived and answered only by `releaseHeld`. */
  holding = false;
  readonly held: { to: string[]; answer(accept: boolean): void }[] = [];
  private server: SMTPServer | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<TestSmtp> {
    const smtp = new TestSmtp(await freePort());
    await smtp.start();
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refuse.has(address.address.toLowerCase())) {
          const error = new Error('mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          if (this.holding) {
            const accepted = await new Promise<boolean>((resolve) => this.held.push({ to: session.envelope.rcptTo.map((r) => r.address), answer: resolve }));
            if (!accepted) {
              const error = new Error('try again later') as Error & { responseCode: number };
              error.responseCode = 451;
              return callback(error);
            }
          }
          const parsed = await simpleParser(Buffer.concat(chunks));
          this.received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            parsed,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            header: (name) => {
              const line = parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
              return line?.slice(line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim();
            },
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Answers every held mail (false: a temporary failure, as if the transaction never completed). */
  releaseHeld(accept: boolean): void {
    this.holding = false;
    for (const mail of this.held.splice(0)) mail.answer(accept);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address.toLowerCase()));
  }
}

/** Polls until `check` returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
