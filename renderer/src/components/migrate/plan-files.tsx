import type { FileProgress } from '../../../../shared/api/migrate';
import { assertNever } from '../../../../shared/api/result';
import { useI18n } from '../../i18n/i18n';
import { humanBytes } from '../tftp/transfers-state';

/** A plan file's state as a Tftpd64 user reads it. */
export type PlanFileState = 'sent' | 'asked' | 'never-asked';

export function planFileState(f: FileProgress): PlanFileState {
  switch (f.state) {
    case 'served':
      return 'sent';
    case 'sending':
    case 'failed':
    case 'not-found':
      return 'asked';
    case 'waiting':
      return 'never-asked';
    default:
      return assertNever(f.state, 'file state');
  }
}

/**
 * The files of the running plan (what the migration's TFTP root serves), each sent, asked (never sent whole)
 * or never asked; from the run's status. The Migrate run places it (h21ui owns that page's layout).
 */
export function PlanFiles({ files }: { files: readonly FileProgress[] }) {
  const { t } = useI18n();
  return (
    <table data-testid="plan-files">
      <thead>
        <tr>
          <th scope="col">{t('tftpx.root.file')}</th>
          <th scope="col">{t('tftpx.plan.hop')}</th>
          <th scope="col">{t('tftpx.root.state')}</th>
          <th scope="col">{t('tftpx.plan.bytes')}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f) => {
          const state = planFileState(f);
          return (
            <tr key={`${f.hop}:${f.name}`} data-file={f.name} data-state={state}>
              <td>
                <code>{f.name}</code>
              </td>
              <td>{f.hop + 1}</td>
              <td>
                <span className={`badge ${state === 'sent' ? 'ok' : state === 'asked' ? 'warn' : ''}`}>{t(`tftpx.root.state.${state}`)}</span>
              </td>
              <td>
                {humanBytes(f.bytes)}
                {f.total ? ` / ${humanBytes(f.total)}` : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
