import { useLanguage, useText } from '../../i18n.ts';
import type { Incident } from '../../types.ts';
import { Button, Pill } from '../../ui/kit.tsx';
import { Countdown } from '../../ui/countdown.tsx';
import { clocksText } from './clocks-text.ts';
import { clockTone, formatWhen, type ClockTone, type CommunicationClock } from './clocks-types.ts';

export const tonePill: Record<ClockTone, 'ok' | 'minor' | 'critical' | 'info' | 'muted'> = { calm: 'info', soon: 'minor', late: 'critical', met: 'ok', missed: 'critical' };
const minute = 60_000;

/**
 * One communication clock: the countdown in large, its state in words (the color only helps), what
 * set the time, and who hears about it if nobody speaks.
 */
export function CommunicationClockCard({ clock, incident, now, onPostpone }: { clock: CommunicationClock; incident: Incident; now: number; onPostpone?: (() => void) | undefined }) {
  const t = useText(clocksText);
  const language = useLanguage();
  const tone = clockTone(clock, now);
  const due = formatWhen(clock.due_at, now, language);
  const detectedAt = Date.parse(incident.detected_at ?? incident.created_at);
  const explanation =
    clock.id === 'first_message'
      ? t('firstMessageInternal', { minutes: Math.round((Date.parse(clock.due_at) - detectedAt) / minute), time: due })
      : clock.promised
        ? t('promisedFor', { time: due })
        : t('cadenceFor', { time: due });
  return (
    <article class={`clock clock-${tone}`} aria-labelledby={`clock-${clock.id}`} data-clock={clock.id} data-tone={tone}>
      <div class="clock-head">
        <h3 id={`clock-${clock.id}`}>{t(clock.id)}</h3>
        <Pill tone={tonePill[tone]}>{t(`tone_${tone}`)}</Pill>
      </div>
      <p class="clock-figure">
        <Countdown due={clock.due_at} now={now} />
      </p>
      <p class="clock-explain">{explanation}</p>
      {clock.id === 'next_update' && !clock.promised && incident.daily_update_time && <p class="clock-explain">{t('dailyAt', { time: incident.daily_update_time })}</p>}
      {onPostpone && (
        <Button onClick={onPostpone} class="clock-action">
          {t('postpone')}
        </Button>
      )}
      <EscalationSteps clock={clock} now={now} />
    </article>
  );
}

function EscalationSteps({ clock, now }: { clock: CommunicationClock; now: number }) {
  const t = useText(clocksText);
  const language = useLanguage();
  return (
    <div class="clock-steps">
      <p class="clock-steps-title">{t('escalation')}</p>
      <ol>
        {clock.steps.map((step) => {
          const reached = Date.parse(step.at) <= now;
          const time = formatWhen(step.at, now, language);
          return (
            <li key={step.step} class={reached ? 'step-reached' : undefined}>
              <span aria-hidden="true" class="step-mark">
                {reached ? '●' : '○'}
              </span>{' '}
              {t(`step_${step.step}`)} — {reached ? t('stepReached', { time }) : t('stepAt', { time })}
              {step.sent > 0 && <> · {t('stepSent', { count: step.sent })}</>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** Once the first message is out: when, and whether it was on time. */
export function FirstMessageSent({ clock, now }: { clock: CommunicationClock; now: number }) {
  const t = useText(clocksText);
  const language = useLanguage();
  const tone = clockTone(clock, now);
  return (
    <p class="clock-done" data-clock={clock.id} data-tone={tone}>
      {t('firstMessageSent', { time: formatWhen(clock.met_at ?? clock.due_at, now, language) })} <Pill tone={tonePill[tone]}>{t(`tone_${tone}`)}</Pill>
    </p>
  );
}
