import { useText } from '../../i18n.ts';
import { crisisPlanText } from './text.ts';

/** The readiness score as a half-ring; the number is also written out, and the SVG named for screen readers. */
export function ReadinessGauge({ score }: { score: number }) {
  const t = useText(crisisPlanText);
  const radius = 80;
  const length = Math.PI * radius;
  const tone = score >= 80 ? 'ok' : score >= 50 ? 'minor' : 'critical';
  return (
    <svg class={`plan-gauge plan-gauge-${tone}`} viewBox="0 0 200 116" role="img" aria-label={t('gaugeName', { score })}>
      <path d="M 20 100 A 80 80 0 0 1 180 100" class="plan-gauge-track" fill="none" stroke-width="18" />
      <path d="M 20 100 A 80 80 0 0 1 180 100" class="plan-gauge-value" fill="none" stroke-width="18" stroke-dasharray={`${(length * score) / 100} ${length}`} />
      <text x="100" y="92" text-anchor="middle" class="plan-gauge-score" aria-hidden="true">
        {score}
      </text>
      <text x="100" y="112" text-anchor="middle" class="plan-gauge-max" aria-hidden="true">
        / 100
      </text>
    </svg>
  );
}
