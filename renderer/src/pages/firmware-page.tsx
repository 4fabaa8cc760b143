import { useCallback, useEffect, useState } from 'react';
import type { BundleManifest, BundleSummary, FirmwareEvents } from '../../../shared/api/firmware';
import type { AppError } from '../../../shared/api/result';
import { useClient, useEvent, useReconnected } from '../api/client-context';
import { pathForImport } from '../api/upload';
import { BundleDetail } from '../components/firmware/bundle-detail';
import { BundleTable } from '../components/firmware/bundle-table';
import { formatBytes } from '../components/firmware/format';
import { ImportPanel } from '../components/firmware/import-panel';
import { ErrorView } from '../components/error-view';
import { useI18n } from '../i18n/i18n';

type Progress = FirmwareEvents['firmware:import-progress'];

/** The firmware library: import by drop, picker or path, with progress; the list; one bundle's details. */
export function FirmwarePage() {
  const client = useClient();
  const { t, say } = useI18n();
  const [bundles, setBundles] = useState<BundleSummary[]>([]);
  const [selected, setSelected] = useState<string>();
  const [detail, setDetail] = useState<BundleManifest>();
  const [error, setError] = useState<AppError>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<string>();
  const [progress, setProgress] = useState<Record<string, Progress>>({});

  const refresh = useCallback(async () => {
    const result = await client.request('firmware:list', {});
    if (result.ok) setBundles(result.value);
    else setError(result.error);
  }, [client]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  // What changed while the socket was down never arrived as events: ask again.
  useReconnected(() => void refresh());

  const onChanged = useCallback(() => {
    void refresh();
  }, [refresh]);
  useEvent('firmware:library-changed', onChanged);

  const onProgress = useCallback((p: Progress) => {
    setProgress((current) => {
      const next = { ...current };
      if (p.phase === 'done' || p.phase === 'failed') delete next[p.importId];
      else next[p.importId] = p;
      return next;
    });
  }, []);
  useEvent('firmware:import-progress', onProgress);

  useEffect(() => {
    if (selected === undefined) {
      setDetail(undefined);
      return;
    }
    let live = true;
    void client.request('firmware:show', { id: selected }).then((result) => {
      if (!live) return;
      if (result.ok) setDetail(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [client, selected]);

  const importPath = useCallback(
    async (path: string, name: string) => {
      const result = await client.request('firmware:import', { path });
      if (result.ok) {
        setNotice(t('firmware.imported', { name, label: result.value.recognition.versionLabel ?? t('firmware.unrecognised') }));
        setSelected(result.value.id);
      } else if (result.error.code === 'duplicate-bundle') {
        // The same archive again: information naming the bundle already there, which is opened.
        setNotice(say(result.error.message));
        const id = result.error.message.params?.id;
        if (typeof id === 'string') setSelected(id);
      } else setError(result.error);
    },
    [client, t, say],
  );

  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await work();
    } finally {
      setBusy(false);
      setUploading(undefined);
    }
  }, []);

  const onFiles = (files: File[]) =>
    void run(async () => {
      for (const file of files) {
        setUploading(file.name);
        const located = await pathForImport(file);
        setUploading(undefined);
        if (!located.ok) {
          setError(located.error);
          return;
        }
        await importPath(located.value.path, file.name);
      }
    });

  const onPath = (path: string) => void run(() => importPath(path, path.split(/[\\/]/).pop() ?? path));

  const onDelete = (id: string) =>
    void run(async () => {
      const result = await client.request('firmware:delete', { id });
      if (result.ok) {
        setNotice(t('firmware.deleted', { id }));
        if (selected === id) setSelected(undefined);
      } else setError(result.error);
    });

  return (
    <section aria-labelledby="firmware-heading">
      <h1 id="firmware-heading">{t('firmware.heading')}</h1>
      <p>{t('firmware.intro')}</p>
      <ImportPanel busy={busy} onFiles={onFiles} onPath={onPath} />
      <div aria-live="polite" data-testid="firmware-progress">
        {uploading ? <p>{t('firmware.uploading', { name: uploading })}</p> : null}
        {Object.values(progress).map((p) => (
          <p key={p.importId}>
            {t(`firmware.phase.${p.phase}`, { name: p.sourceName, entries: p.entries, size: formatBytes(p.bytes) })}
            {p.phase === 'extracting' ? <progress /> : null}
          </p>
        ))}
      </div>
      {notice ? (
        <p role="status" data-testid="firmware-notice">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorView error={error} /> : null}
      <BundleTable bundles={bundles} selected={selected} onSelect={setSelected} onDelete={onDelete} />
      {detail && detail.id === selected ? <BundleDetail manifest={detail} /> : null}
    </section>
  );
}
