// A dependency-free progress bar on stderr: redraws in place on a TTY, prints every 10% otherwise.

export class ProgressBar {
  private readonly started = Date.now();
  private lastPrinted = -1;
  private finished = false;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = "",
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    if (this.finished || this.total <= 0) return;
    const frac = Math.min(1, done / this.total);
    const pct = Math.floor(frac * 100);
    if (this.stream.isTTY) {
      const width = 28;
      const filled = Math.round(frac * width);
      const secs = (Date.now() - this.started) / 1000;
      const rate = secs > 0 ? Math.round(done / secs) : 0;
      this.stream.write(
        `\r${this.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}% ${done}/${this.total} ${this.unit} ${rate}/s `,
      );
    } else if (pct >= this.lastPrinted + 10 || (pct === 100 && this.lastPrinted < 100)) {
      this.lastPrinted = pct === 100 ? 100 : pct - (pct % 10);
      this.stream.write(`${this.label}: ${pct}% (${done}/${this.total}${this.unit ? " " + this.unit : ""})\n`);
    }
  }

  done(): void {
    if (this.finished) return;
    this.update(this.total);
    this.finished = true;
    if (this.stream.isTTY) this.stream.write("\n");
  }
}
