import { useCallback, useEffect, useRef, useState } from 'react';
import type { MigratePreview, TimelineEntry } from '../../../shared/api/migrate';
import { assertNever } from '../../../shared/api/result';
import { continueChoices } from '../components/migrate/listen-continue';
import { NetworkStep } from '../components/migrate/network-step';
import { PhoneStep, phoneStepDone } from '../components/migrate/phone-step';
import { PlanStep } from '../components/migrate/plan-step';
import { ReportStep } from '../components/migrate/report-step';
import { RunStep } from '../components/migrate/run-step';
import { TargetStep } from '../components/migrate/target-step';
import { choicesFromStatus, keepRun, keptRun, nextPhoneChoices } from '../components/migrate/bench-memory';
import { NextPhone } from '../components/migrate/next-phone';
import { useDemo } from '../components/migrate/use-demo';
import { isFinal, useMigration } from '../components/migrate/use-migration';
import { WizardActions } from '../components/migrate/wizard-actions';
import { INITIAL_CHOICES, networkProblems, WIZARD_STEPS, type Choices, type WizardStep } from '../components/migrate/wizard-state';
import { useI18n } from '../i18n/i18n';

const NO_TIMELINE: TimelineEntry[] = [];

/** The one-click migration wizard: phone, target, network, plan, migrate, report. Holds the wizard's state only. */
export function MigratePage() {
  const { t } = useI18n();
  const migration = useMigration();
  // A run the technician left (a new wizard, a real phone after the demo) stays in the engine, off this page.
  const [dismissed, setDismissed] = useState<string>();
  const [kept] = useState(keptRun);
  /** Next phone: only the MAC is asked; the rest is the last phone's. */
  const [nextMode, setNextMode] = useState(false);
  const status = migration.status && migration.status.id !== dismissed ? migration.status : undefined;
  const timeline = status ? migration.timeline : NO_TIMELINE;
  const [step, setStep] = useState<WizardStep>('phone');
  const [choices, setChoices] = useState<Choices>(INITIAL_CHOICES);
  const [preview, setPreview] = useState<MigratePreview>();
  const [fieldNote, setFieldNote] = useState<string>();
  const top = useRef<HTMLElement>(null);
  // Each step opens at its top: the previous step may have been scrolled down to its button.
  useEffect(() => {
    window.scrollTo({ top: 0, left: 0 });
    top.current?.closest('.content')?.scrollTo({ top: 0, left: 0 });
  }, [step]);

  // A migration still running (page reopened): show it. A finished one this tab showed stays until dismissed;
  // any other finished one leaves the wizard at the start.
  const seenRun = useRef<string>(undefined);
  const latest = migration.status;
  useEffect(() => {
    if (!latest || seenRun.current !== undefined) return;
    seenRun.current = latest.id;
    // A run this page just started (the Migrate step, or the demo) keeps the choices that started it.
    if (step === 'migrate') return;
    const ours = kept?.runId === latest.id;
    if (isFinal(latest) && !ours) return setDismissed(latest.id);
    setChoices(ours && kept ? kept.choices : choicesFromStatus(latest));
    setStep('migrate');
  }, [kept, latest, step]);

  const set = useCallback((patch: Partial<Choices>) => setChoices((c) => ({ ...c, ...patch })), []);

  const { start: startRun } = migration;
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
      setNextMode(false);
      // A run this tab starts is not one found on opening: its choices stay the technician's, not the engine's.
      seenRun.current ??= 'started here';
      const started = await startRun(c);
      if (started) keepRun({ runId: started.id, choices: c });
    },
    [startRun, t],
  );
  const demo = useDemo(
    choices,
    useCallback(
      async (c: Choices) => {
        setChoices(c);
        setStep('migrate');
        await start(c);
      },
      [start],
    ),
  );

  /** After a demo: the same choices minus the virtual phone, back where a real phone's details are checked. */
  const dismiss = () => {
    setDismissed(status?.id);
    keepRun(undefined);
  };
  const setupReal = () => {
    dismiss();
    migration.setError(undefined);
    setChoices((c) => ({ ...c, demo: false, bindAddress: c.bindAddress === '127.0.0.1' ? '' : c.bindAddress }));
    setStep('phone');
  };

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
        return isFinal(status);
      case 'report':
        return false;
      default:
        return assertNever(step, 'wizard step');
    }
  })();

  const startOver = () => {
    dismiss();
    setNextMode(false);
    setPreview(undefined);
    setChoices({ ...INITIAL_CHOICES });
    setStep('phone');
  };
  const continueFromListening = () => {
    if (!status) return;
    if (!isFinal(status)) void migration.stop();
    dismiss();
    set(continueChoices(status));
    setStep('phone');
  };
  const nextPhone = () => {
    dismiss();
    setChoices(nextPhoneChoices);
    setNextMode(true);
    setStep('phone');
  };

  return (
    <section aria-labelledby="migrate-heading" ref={top} style={{ paddingBottom: '4rem' }}>
      <h1 id="migrate-heading">{t('migrate.heading')}</h1>
      <p>{t('migrate.intro')}</p>
      <p>
        <button type="button" onClick={() => void demo.tryDemo()} disabled={migration.busy}>
          {t('migrate.demo')}
        </button>
      </p>
      {demo.needed ? (
        <p role="alert" className="notice">
          {t('migrate.demo.needs')}
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
      {nextMode && step === 'phone' ? null : <WizardActions step={step} canGoOn={canGoOn} runLive={step === 'migrate' && status !== undefined && !isFinal(status)} go={setStep} />}
    </section>
  );

  function renderStep() {
    switch (step) {
      case 'phone':
        return nextMode ? (
          <NextPhone
            choices={choices}
            set={set}
            busy={migration.busy}
            onStart={() => {
              setStep('migrate');
              void start(choices);
            }}
            onChange={() => setNextMode(false)}
          />
        ) : (
          <PhoneStep choices={choices} set={set} />
        );
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
            error={migration.error}
            busy={migration.busy}
            demo={choices.demo}
            onStart={() => void start(choices.demo ? choices : { ...choices, demo: false })}
            onSetupReal={setupReal}
            onStop={() => void migration.stop()}
            onNextPhone={nextPhone}
            onContinue={continueFromListening}
          />
        );
      case 'report':
        return <ReportStep status={status} refused={timeline.filter((e) => e.kind === 'refused')} onNextPhone={nextPhone} onStartOver={startOver} />;
      default:
        return assertNever(step, 'wizard step');
    }
  }
}
