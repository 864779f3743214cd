import { nonGsmCharacters, smsLayout } from '../../../../../domain/linter/sms.ts';
import { SOCIAL_LIMITS } from '../../../../../domain/linter/rules/too-long.ts';
import { useText } from '../../i18n.ts';
import type { PreviewProps } from './preview-model.ts';
import { previewText } from './preview-text.ts';
import { RichText } from './rich-text.tsx';

/** GSM-7 holds 160 septets alone and 153 per part of a longer message; UCS-2 70 and 67. */
function charactersLeft(layout: ReturnType<typeof smsLayout>): number {
  const single = layout.encoding === 'gsm7' ? 160 : 70;
  const part = layout.encoding === 'gsm7' ? 153 : 67;
  if (layout.segments <= 1) return single - layout.characters;
  return layout.segments * part - layout.characters;
}

/** A phone's message bubble, with how many SMS it takes and what is left in the last one. */
export function SmsPreview(props: PreviewProps) {
  const t = useText(previewText);
  const layout = smsLayout(props.body);
  const left = Math.max(charactersLeft(layout), 0);
  const wide = layout.encoding === 'ucs2' ? nonGsmCharacters(props.body) : [];
  return (
    <div class="sms-preview">
      <div class="sms-phone">
        <p class="sms-sender">{props.workspaceName}</p>
        <p class="sms-bubble" lang={props.variant.language}>
          {props.body}
        </p>
      </div>
      <div class="sms-count" role="status" aria-live="polite">
        <p>
          <strong>{t('smsSegments', { count: Math.max(layout.segments, 1) })}</strong>
          {' · '}
          {t('smsLeft', { count: left })}
        </p>
        <p class="hint">{layout.encoding === 'gsm7' ? t('smsGsm') : t('smsUcs')}</p>
        {wide.length > 0 && (
          <p class="hint">
            {t('smsWide', { chars: '' })}
            <span class="sms-wide">
              {wide.slice(0, 12).map((c) => (
                <kbd key={c}>{c === ' ' ? '␣' : c}</kbd>
              ))}
            </span>
          </p>
        )}
        {layout.segments > 2 && <p class="field-error">{t('smsLong')}</p>}
      </div>
    </div>
  );
}

/** A post as the network shows it, with its length against the network's limit. */
export function SocialPreview(props: PreviewProps) {
  const t = useText(previewText);
  const network = props.variant.network ?? 'x';
  const limit = SOCIAL_LIMITS[network];
  const length = [...props.body].length;
  return (
    <div class="social-preview">
      <article class="social-post">
        <p class="social-author">
          <strong>{props.workspaceName}</strong>
        </p>
        <div lang={props.variant.language}>
          <RichText text={props.body} />
        </div>
      </article>
      <p class={length > limit ? 'field-error' : 'hint'}>{t('socialLimit', { count: length, limit })}</p>
    </div>
  );
}
