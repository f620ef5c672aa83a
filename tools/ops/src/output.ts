/**
 * Output for people and for pipes: a table on a terminal, one JSON document with --json; colours and
 * progress bars only when a person is watching (stdout and stderr both terminals, NO_COLOR unset).
 * Results go to stdout, everything else (progress, notes, errors) to stderr.
 */
export interface Stream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface Io {
  readonly stdout: Stream;
  readonly stderr: Stream;
}

export interface Output {
  readonly json: boolean;
  /** Results: a JSON document with --json, else the lines the renderer gives. */
  result(value: unknown, render: () => string[]): void;
  /** A note for the person at the terminal (stderr): never part of the result. */
  note(text: string): void;
  progress(label: string, total: number): Progress;
  /** Highlights a mark (a gap, an error) on a terminal; plain text in a pipe. */
  alert(text: string): string;
}

export interface Progress {
  advance(by: number): void;
  done(): void;
}

const NO_PROGRESS: Progress = { advance: () => undefined, done: () => undefined };

export function createOutput(io: Io, options: { json: boolean; env: NodeJS.ProcessEnv }): Output {
  const interactive = Boolean(io.stdout.isTTY && io.stderr.isTTY);
  const colour = interactive && !options.env.NO_COLOR && !options.json;
  return {
    json: options.json,
    result(value, render) {
      io.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : render().map((line) => `${line}\n`).join(''));
    },
    note(text) {
      io.stderr.write(`${text}\n`);
    },
    progress(label, total) {
      return interactive && total > 0 ? new ProgressBar(io.stderr, label, total) : NO_PROGRESS;
    },
    alert(text) {
      return colour ? `\u001b[31m${text}\u001b[0m` : text;
    },
  };
}

/** A one-line bar on stderr, redrawn at most ten times a second. */
class ProgressBar implements Progress {
  private count = 0;
  private drawnAt = 0;

  constructor(
    private readonly stream: Stream,
    private readonly label: string,
    private readonly total: number,
  ) {}

  advance(by: number): void {
    this.count += by;
    const now = Date.now();
    if (now - this.drawnAt >= 100) this.draw(now);
  }

  done(): void {
    this.draw(Date.now());
    this.stream.write('\n');
  }

  private draw(now: number): void {
    this.drawnAt = now;
    const share = Math.min(1, this.count / this.total);
    const filled = Math.round(share * 30);
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${Math.round(share * 100)}% ${this.count}/${this.total}`);
  }
}

/** Columns padded to their widest cell; the last column is not padded (it may hold long notes). */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => visibleLength(row[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i] - visibleLength(cell))))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}

/** Length as shown: colour escapes take no room. */
function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
