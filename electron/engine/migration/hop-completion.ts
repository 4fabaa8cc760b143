import { sameTftpName, type RunnerHop } from './runner-plan';

/**
 * Tells when the current hop is done: the phone asked for an image of the hop, then for every `doneWhen` name
 * (which only the new image asks for). Fed the phone's requests in order; reset when a new hop starts.
 */
export class HopCompletion {
  private doneValue = false;
  private imageRequested = false;
  /** The doneWhen names asked for since the last image request. */
  private readonly doneSeen = new Set<string>();

  get done(): boolean {
    return this.doneValue;
  }

  reset(): void {
    this.doneValue = false;
    this.imageRequested = false;
    this.doneSeen.clear();
  }

  /** Feeds one request; true when this request completes the hop. */
  observe(hop: RunnerHop, requestedName: string): boolean {
    if (this.doneValue) return false;
    const inDone = hop.doneWhen.find((name) => sameTftpName(name, requestedName));
    const isImage =
      hop.requiredFiles.some((name) => sameTftpName(name, requestedName)) ||
      hop.aliases.some((a) => sameTftpName(a.alias, requestedName));
    if (isImage) this.imageRequested = true;
    if (isImage && inDone === undefined) {
      // Only what comes after the last image download can show the new image runs.
      this.doneSeen.clear();
      if (hop.doneWhen.length > 0) return false;
    }
    if (!this.imageRequested) return false;
    if (inDone !== undefined) {
      // The first name again is a new boot: start over.
      if (inDone === hop.doneWhen[0]) this.doneSeen.clear();
      this.doneSeen.add(inDone);
    }
    if (hop.doneWhen.some((name) => !this.doneSeen.has(name))) return false;
    this.doneValue = true;
    return true;
  }
}
