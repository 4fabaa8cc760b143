import { useCallback, useEffect, useRef, useState } from 'react';
import type { BundleSummary } from '../../../shared/api/firmware';
import type { MigratePreview, MigrationStatus, TimelineEntry } from '../../../shared/api/migrate';
import type { SerialStateEvent } from '../../../shared/api/serial';
import type { AppError } from '../../../shared/api/result';
import { assertNever } from '../../../shared/api/result';
import { useClient, useEvent, useReconnected } from '../api/client-context';
import { NetworkStep } from '../components/migrate/network-step';
import { PhoneStep, phoneStepDone } from '../components/migrate/phone-step';
import { PlanStep } from '../components/migrate/plan-step';
import { ReportStep } from '../components/migrate/report-step';
import { RunStep } from '../components/migrate/run-step';
import { TargetStep } from '../components/migrate/target-step';
import { INITIAL_CHOICES, networkProblems, nextStep, previousStep, WIZARD_STEPS, type Choices, type WizardStep } from '../components/migrate/wizard-state';
import { useI18n } from '../i18n/i18n';

const DEMO_MAC = '00:0E:84:C0:60:A6';
/** Where the virtual phone starts, tried in turn until the planner accepts one. */
const DEMO_FROM_FOR_SIP = ['SCCP 8.1(2)', 'SCCP 5.0(1.1)', 'SCCP 3.1'];
const DEMO_FROM_FOR_SCCP = ['SIP 8.12', 'SIP 7.4', 'SIP 4.4', 'SCCP 5.0(1.1)'];

/**
 * The step buttons stay on screen however long a step is (1366x768 laptops): fixed to the bottom of the window,
 * beside the 12rem sidebar; `.content` scrolls with the page, so sticky would not hold.
 */
const ACTIONS_STYLE = {
  display: 'flex',
  gap: '0.5rem',
  position: 'fixed',
  left: '12rem',
  right: 0,
  bottom: 0,
  margin: 0,
  padding: '0.6rem 1.5rem',
  background: 'var(--bg)',
  borderTop: '1px solid var(--line)',
  zIndex: 2,
} as const;

/** The one-click migration wizard: phone, target, network, plan, migrate, report. */
export function MigratePage() {
  const { t } = useI18n();
  const client = useClient();
  const [step, setStep] = useState<WizardStep>('phone');
  const [choices, setChoices] = useState<Choices>(INITIAL_CHOICES);
  const [preview, setPreview] = useState<MigratePreview>();
  const [status, setStatus] = useState<MigrationStatus>();
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  const [demoNote, setDemoNote] = useState<string>();
  const [fieldNote, setFieldNote] = useState<string>();
  const top = useRef<HTMLElement>(null);
  // Each step opens at its top: the previous step may have been scrolled down to its button.
  useEffect(() => {
    window.scrollTo({ top: 0, left: 0 });
    top.current?.closest('.content')?.scrollTo({ top: 0, left: 0 });
  }, [step]);
  // The console open beside the timeline, if any: its text goes into the hints and the report.
  const [consoleSession, setConsoleSession] = useState<string>();
  useEvent(
    'serial:state',
    useCallback((e: SerialStateEvent) => {
      // A port opened by hand; never the demo's virtual phone, whose console ends with the demo.
      if (e.state === 'connected' && e.session.label === undefined) setConsoleSession(e.sessionId);
      else if (e.state === 'closed') setConsoleSession((current) => (current === e.sessionId ? undefined : current));
    }, []),
  );

  const set = useCallback((patch: Partial<Choices>) => setChoices((c) => ({ ...c, ...patch })), []);

  // A migration still running (page reopened): show it. A finished one leaves the wizard at the start.
  const resume = useCallback(
    (afterReconnect: boolean) => {
      void client.request('migrate:status', {}).then((r) => {
        if (!r.ok || !r.value) return;
        const running = !['succeeded', 'failed', 'stopped'].includes(r.value.state);
        if (!running && !afterReconnect) return;
        setStatus((current) => (running || current?.id === r.value?.id ? (r.value ?? undefined) : current));
        if (running) setStep('migrate');
        void client.request('migrate:timeline', {}).then((tl) => tl.ok && setTimeline(tl.value));
      });
    },
    [client],
  );
  useEffect(() => resume(false), [resume]);
  // Timeline lines and state changes sent while the socket was down are gone: ask again.
  useReconnected(() => resume(true));

  useEvent(
    'migrate:state',
    useCallback((s: MigrationStatus) => setStatus(s), []),
  );
  useEvent(
    'migrate:timeline',
    useCallback((e: TimelineEntry) => setTimeline((tl) => (tl.some((x) => x.seq === e.seq && x.at === e.at) ? tl : [...tl, e].slice(-2000))), []),
  );

  const start = useCallback(
    async (c: Choices) => {
      setFieldNote(undefined);
      const bad = c.demo ? [] : networkProblems(c);
      if (bad[0]) {
        // Said in words, on the step that holds the field; never the engine's schema text.
        setFieldNote(t('migrate.run.fieldBad', { field: t(`migrate.field.${bad[0]}`) }));
        setStep('network');
        return;
      }
      setBusy(true);
      setError(undefined);
      setTimeline([]);
      const params = {
        mac: c.mac,
        model: c.model,
        bundleId: c.bundleId,
        bindAddress: c.demo ? '127.0.0.1' : c.bindAddress,
        port: c.demo ? 0 : c.port,
        demo: c.demo,
        ...(c.listenFirst || !c.from.trim() ? {} : { from: c.from.trim() }),
        ...(c.via.length > 0 ? { via: c.via } : {}),
        ...(c.phoneIp && !c.demo ? { phoneIp: c.phoneIp } : {}),
        ...(c.dhcp && c.dhcpOffer && !c.demo ? { dhcp: { offerIp: c.dhcpOffer } } : {}),
        ...(consoleSession && !c.demo ? { consoleSessionId: consoleSession } : {}),
      };
      const r = await client.request('migrate:start', params);
      setBusy(false);
      if (r.ok) setStatus(r.value);
      else setError(r.error);
    },
    [client, consoleSession, t],
  );

  /** After a demo: the same choices minus the virtual phone, back where a real phone's details are checked. */
  const setupReal = useCallback(() => {
    setStatus(undefined);
    setTimeline([]);
    setError(undefined);
    setChoices((c) => ({ ...c, demo: false, bindAddress: c.bindAddress === '127.0.0.1' ? '' : c.bindAddress }));
    setStep('phone');
  }, []);

  const stop = useCallback(async () => {
    const r = await client.request('migrate:stop', {});
    if (r.ok && r.value) setStatus(r.value);
  }, [client]);

  const tryDemo = useCallback(async () => {
    setDemoNote(undefined);
    const list = await client.request('firmware:list', {});
    const bundles: BundleSummary[] = list.ok ? list.value : [];
    const mac = choices.mac || DEMO_MAC;
    // The chosen bundle first, then complete ones; the first start the planner accepts is the demo.
    const candidates = [
      ...bundles.filter((b) => b.id === choices.bundleId),
      ...bundles.filter((b) => b.id !== choices.bundleId && b.versionLabel && b.complete),
      ...bundles.filter((b) => b.id !== choices.bundleId && b.versionLabel && !b.complete),
    ];
    for (const bundle of candidates) {
      const starts = choices.from.trim() ? [choices.from.trim()] : bundle.protocol === 'SIP' ? DEMO_FROM_FOR_SIP : DEMO_FROM_FOR_SCCP;
      for (const from of starts) {
        const p = await client.request('migrate:preview', { mac, model: choices.model, bundleId: bundle.id, from });
        if (!p.ok || !p.value.ok) continue;
        const c: Choices = { ...choices, mac, from, listenFirst: false, bundleId: bundle.id, demo: true };
        setChoices(c);
        setStep('migrate');
        await start(c);
        return;
      }
    }
    setDemoNote(t('migrate.demo.needs'));
  }, [client, choices, start, t]);

  const canGoOn = ((): boolean => {
    switch (step) {
      case 'phone':
        return phoneStepDone(choices);
      case 'target':
        return choices.bundleId !== '';
      case 'network':
        return networkProblems(choices).length === 0;
      case 'plan':
        return preview?.ok === true;
      case 'migrate':
        return status !== undefined && ['succeeded', 'failed', 'stopped'].includes(status.state);
      case 'report':
        return false;
      default:
        return assertNever(step, 'wizard step');
    }
  })();

  const again = () => {
    setStatus(undefined);
    setTimeline([]);
    setPreview(undefined);
    setChoices({ ...INITIAL_CHOICES });
    setStep('phone');
  };

  return (
    <section aria-labelledby="migrate-heading" ref={top} style={{ paddingBottom: '4rem' }}>
      <h1 id="migrate-heading">{t('migrate.heading')}</h1>
      <p>{t('migrate.intro')}</p>
      <p>
        <button type="button" onClick={() => void tryDemo()} disabled={busy}>
          {t('migrate.demo')}
        </button>
      </p>
      {demoNote ? (
        <p role="alert" className="notice">
          {demoNote}
        </p>
      ) : null}
      <nav aria-label={t('migrate.steps')}>
        <ol style={{ display: 'flex', gap: '1rem', listStyle: 'none', padding: 0 }}>
          {WIZARD_STEPS.map((s) => (
            <li key={s} aria-current={s === step ? 'step' : undefined} style={{ fontWeight: s === step ? 700 : 400 }}>
              {t(`migrate.step.${s}`)}
            </li>
          ))}
        </ol>
      </nav>
      {fieldNote && step === 'network' ? (
        <p role="alert" className="notice" data-testid="migrate-field-note">
          {fieldNote}
        </p>
      ) : null}
      {renderStep()}
      <p className="wizard-actions" data-testid="migrate-actions" style={ACTIONS_STYLE}>
        {step !== 'phone' && step !== 'report' ? (
          <button type="button" onClick={() => setStep(previousStep(step))} disabled={step === 'migrate' && status !== undefined && !canGoOn}>
            {t('migrate.back')}
          </button>
        ) : null}
        {step !== 'report' && step !== 'migrate' ? (
          <button type="button" className="primary" onClick={() => setStep(nextStep(step))} disabled={!canGoOn}>
            {t('migrate.next')}
          </button>
        ) : null}
        {step === 'migrate' && canGoOn ? (
          <button type="button" className="primary" onClick={() => setStep('report')}>
            {t('migrate.next')}
          </button>
        ) : null}
      </p>
    </section>
  );

  function renderStep() {
    switch (step) {
      case 'phone':
        return <PhoneStep choices={choices} set={set} />;
      case 'target':
        return <TargetStep choices={choices} set={set} />;
      case 'network':
        return <NetworkStep choices={choices} set={set} />;
      case 'plan':
        return <PlanStep choices={choices} onPreview={setPreview} set={set} />;
      case 'migrate':
        return (
          <RunStep
            status={status}
            timeline={timeline}
            error={error}
            busy={busy}
            demo={choices.demo}
            onStart={() => void start(choices.demo ? choices : { ...choices, demo: false })}
            onSetupReal={setupReal}
            onStop={() => void stop()}
          />
        );
      case 'report':
        return <ReportStep status={status} refused={timeline.filter((e) => e.kind === 'refused')} onAgain={again} />;
      default:
        return assertNever(step, 'wizard step');
    }
  }
}
