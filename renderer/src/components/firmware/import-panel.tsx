import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';

interface Props {
  busy: boolean;
  onFiles(files: File[]): void;
  onPath(path: string): void;
}

/** Drag and drop, a file picker, and a path field (for folders, and where the page cannot see paths). */
export function ImportPanel({ busy, onFiles, onPath }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [path, setPath] = useState('');

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (busy) return;
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = path.trim();
    if (trimmed !== '' && !busy) onPath(trimmed);
  };

  return (
    <div className="firmware-import">
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        style={{ border: `2px dashed ${over ? 'var(--ok)' : 'var(--muted)'}`, padding: '1rem', borderRadius: '0.5rem', textAlign: 'center' }}
        data-testid="firmware-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{t('firmware.drop')}</p>
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          {t('firmware.pick')}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          data-testid="firmware-file-input"
          accept=".zip,.tar,.tgz,.gz,.bin,.sbn,.loads,.sb2"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </div>
      <form onSubmit={onSubmit} className="path-import">
        <label>
          {t('firmware.pathLabel')}
          <input type="text" value={path} onChange={(event) => setPath(event.target.value)} spellCheck={false} />
        </label>
        <button type="submit" disabled={busy || path.trim() === ''}>
          {t('firmware.pathImport')}
        </button>
      </form>
    </div>
  );
}
