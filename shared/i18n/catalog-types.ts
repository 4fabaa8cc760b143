/**
 * One domain's texts: English defines the keys, Japanese must have every one of them (the compiler checks).
 * `{name}` in a text is filled from the message's parameters.
 */
export interface DomainCatalog<En extends Record<string, string>> {
  en: En;
  ja: { [K in keyof En]: string };
}
