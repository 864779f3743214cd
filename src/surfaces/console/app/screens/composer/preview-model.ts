import { formatMoment } from '../../../../../domain/message/format.ts';
import { statusOnPublish } from '../../../../../domain/message/stages.ts';
import type { Incident } from '../../types.ts';
import type { Stage, Variant } from './types.ts';

export interface PreviewProps {
  variant: Variant;
  subject: string | null;
  body: string;
  incident: Incident;
  stage: Stage;
  nextUpdateAt: string | null;
  workspaceName: string;
  /** Who receives it, in the console's words ("Subscribers: Customers", "Press"). */
  recipients: string;
  timeZone: string;
  now: Date;
}

/** The status the incident shows once this message is out, as the status page and chat cards say it. */
export function statusAfter(stage: Stage, incident: Incident) {
  if (stage === 'maintenance_notice') return incident.status;
  return statusOnPublish(stage, incident.status);
}

/** "Next update at …" as the recipient reads it, in the message's language and the workspace's time zone. */
export function promised(props: PreviewProps): string | null {
  if (!props.nextUpdateAt || statusAfter(props.stage, props.incident) === 'resolved') return null;
  return formatMoment(new Date(props.nextUpdateAt), props.variant.language, props.timeZone, props.now);
}
