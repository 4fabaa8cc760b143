import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Settings } from '../../shared/api/app';
import { useClient, useConnectionState, useEvent, useReconnected } from './api/client-context';
import { I18nProvider, useI18n } from './i18n/i18n';
import { ConsolePage } from './pages/console-page';
import { FirmwarePage } from './pages/firmware-page';
import { HistoryPage } from './pages/history-page';
import { MigratePage } from './pages/migrate-page';
import { SettingsPage } from './pages/settings-page';
import { StatusPage } from './pages/status-page';
import { TftpPage } from './pages/tftp-page';

export const PAGES = ['migrate', 'history', 'firmware', 'tftp', 'console', 'settings', 'status'] as const;
export type PageId = (typeof PAGES)[number];

function pageFromHash(): PageId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(id) ? (id as PageId) : 'migrate';
}

/** The frame: navigation, the connection line, and the current page. */
export function App() {
  const client = useClient();
  const [settings, setSettings] = useState<Settings>();
  const [page, setPage] = useState<PageId>(pageFromHash);

  useEffect(() => {
    void client.request('settings:get', {}).then((result) => {
      if (result.ok) setSettings(result.value);
    });
  }, [client]);
  useEvent('settings:changed', setSettings);
  useReconnected(() => {
    void client.request('settings:get', {}).then((result) => {
      if (result.ok) setSettings(result.value);
    });
  });

  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const go = useCallback((id: PageId) => {
    window.location.hash = `/${id}`;
    setPage(id);
  }, []);

  const language = settings?.language ?? 'en';
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <I18nProvider language={language}>
      <Shell page={page} go={go}>
        {renderPage(page, settings, setSettings)}
      </Shell>
    </I18nProvider>
  );
}

function renderPage(page: PageId, settings: Settings | undefined, setSettings: (s: Settings) => void): ReactNode {
  switch (page) {
    case 'migrate':
      return <MigratePage />;
    case 'history':
      return <HistoryPage />;
    case 'firmware':
      return <FirmwarePage />;
    case 'tftp':
      return <TftpPage />;
    case 'console':
      return <ConsolePage />;
    case 'settings':
      return settings ? <SettingsPage settings={settings} onSaved={setSettings} /> : null;
    case 'status':
      return <StatusPage />;
  }
}

function Shell({ page, go, children }: { page: PageId; go: (id: PageId) => void; children: ReactNode }) {
  const { t } = useI18n();
  const connection = useConnectionState();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <span className="tagline">{t('app.tagline')}</span>
      </header>
      <nav aria-label={t('app.nav.label')} className="sidebar">
        <ul>
          {PAGES.map((id) => (
            <li key={id}>
              <a
                href={`#/${id}`}
                aria-current={page === id ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  go(id);
                }}
              >
                {t(`app.nav.${id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {connection !== 'open' ? (
          <p role={connection === 'stale' ? 'alert' : 'status'} className="notice" data-testid="connection-notice" data-state={connection}>
            {t(`app.connection.${connection}`)}
          </p>
        ) : null}
        {children}
      </main>
    </div>
  );
}
