import { useState, type RefObject } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { TerminalHandle } from './terminal-pane';

/** Find in the scrollback: Enter for the next match, Shift+Enter for the previous one. */
export function ConsoleSearch({ term }: { term: RefObject<TerminalHandle | null> }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  return (
    <div className="console-row">
      <label>
        {t('console.search')}
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') term.current?.[e.shiftKey ? 'findPrevious' : 'findNext'](search);
          }}
        />
      </label>
      <button type="button" disabled={!search} onClick={() => term.current?.findPrevious(search)}>
        {t('console.search.previous')}
      </button>
      <button type="button" disabled={!search} onClick={() => term.current?.findNext(search)}>
        {t('console.search.next')}
      </button>
    </div>
  );
}
