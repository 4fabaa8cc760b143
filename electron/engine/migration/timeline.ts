import type { TimelineEntry, TimelineKind } from '../../../shared/api/migrate';
import type { Hint } from '../../../shared/cisco/hints';
import { msg, type Message } from '../../../shared/i18n/message';

const TIMELINE_LIMIT = 5000;

/** The migration's timeline: numbered, timestamped entries, each published as it is added. */
export class Timeline {
  private readonly entries: TimelineEntry[] = [];
  private seq = 0;

  constructor(
    private readonly now: () => Date,
    private readonly publish: (entry: TimelineEntry) => void,
  ) {}

  /** Adds an entry; past the cap it is still published but no longer kept. */
  add(kind: TimelineKind, message: Message, extra: Partial<TimelineEntry> = {}): void {
    const entry: TimelineEntry = { seq: ++this.seq, at: this.now().toISOString(), kind, message, ...extra };
    if (this.entries.length < TIMELINE_LIMIT) this.entries.push(entry);
    this.publish(entry);
  }

  /** One entry per hint: what it is, why, and the fix. */
  hints(hints: Hint[]): void {
    for (const h of hints) {
      this.add('hint', msg('migrate.t.hint', { title: h.title, cause: h.cause }), { code: 'hint', hintId: h.id, fix: h.fix });
    }
  }

  list(): TimelineEntry[] {
    return [...this.entries];
  }
}
