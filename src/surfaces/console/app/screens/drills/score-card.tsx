import { useLanguage, useText } from '../../i18n.ts';
import type { Drill } from './model.ts';
import { drillText } from './text.ts';

/** The score per criterion, the total, and what to improve in plain words. */
export function ScoreCard({ score }: { score: NonNullable<Drill['score']> }) {
  const t = useText(drillText);
  const language = useLanguage();
  const lessons = score.criteria.filter((c) => c.advice);
  return (
    <section class="card" aria-labelledby="drill-score-title">
      <h2 id="drill-score-title">{t('score')}</h2>
      <p class="drill-score-total">{t('total', { total: score.total })}</p>
      <table class="drill-table">
        <thead>
          <tr>
            <th scope="col">{t('criterion')}</th>
            <th scope="col">{t('points')}</th>
            <th scope="col">{t('figure')}</th>
          </tr>
        </thead>
        <tbody>
          {score.criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">{t(`crit_${c.id}`)}</th>
              <td>{`${c.points}/${c.max}`}</td>
              <td>{c.figure[language]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('lessons')}</h3>
      {lessons.length === 0 ? (
        <p>{t('noLessons')}</p>
      ) : (
        <ul>
          {lessons.map((c) => (
            <li key={c.id}>
              <strong>{t(`crit_${c.id}`)}</strong> — {c.advice![language]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
