import { useRoute } from 'preact-iso';
import { useCan } from '../session.ts';
import type { Incident } from '../types.ts';
import { ErrorNotice, Loading } from '../ui/kit.tsx';
import { useResource } from '../use-resource.ts';
import { AfterLinks } from './war-room/after-links.tsx';
import { ClocksPanel } from './war-room/clocks-panel.tsx';
import { FactSheetView } from './war-room/fact-sheet.tsx';
import { IncidentHeader } from './war-room/header.tsx';
import { useIncidentChanges, useReloadOnChange } from './war-room/live.ts';
import { MessagesPanel } from './war-room/messages-panel.tsx';
import { TimelinePanel } from './war-room/timeline-panel.tsx';
import type { CommsSettings, FactSheet, Member, MessageSummary, ServiceItem } from './war-room/types.ts';
import { UpdatesList } from './war-room/updates-list.tsx';
import { WriteMessage } from './war-room/write-message.tsx';
import './war-room/war-room.css';

/**
 * The war room of one incident, for several people at once: each part is read again when the
 * incident's live stream says it moved, and what someone is typing stays where it is.
 */
export function WarRoom() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const base = `/api/admin/incidents/${encodeURIComponent(id)}`;
  const incident = useResource<Incident>(base);
  const sheet = useResource<FactSheet>(`${base}/facts`);
  const messages = useResource<{ messages: MessageSummary[] }>(`${base}/messages`);
  const settings = useResource<CommsSettings>('/api/admin/settings/communication');
  const members = useResource<{ members: Member[] }>('/api/admin/members');
  const services = useResource<{ components: ServiceItem[] }>('/api/admin/components');
  const change = useIncidentChanges(id);
  useReloadOnChange(change, ['incident', 'updates'], incident.reload);
  useReloadOnChange(change, ['facts'], sheet.reload);
  useReloadOnChange(change, ['messages'], messages.reload);

  if (!incident.data) {
    return <section class="page">{incident.error ? <ErrorNotice error={incident.error} onRetry={incident.reload} /> : <Loading />}</section>;
  }
  const revision = change?.revision ?? '';
  const audiences = settings.data?.audiences ?? [];
  return (
    <section class="page war-room">
      <IncidentHeader incident={incident.data} members={members.data?.members ?? []} services={services.data?.components ?? []} onChanged={incident.reload}>
        <WriteMessageIfAllowed incident={incident.data} sheet={sheet.data} settings={settings.data} messages={messages.data?.messages ?? []} />
      </IncidentHeader>
      <div class="war-room-grid">
        <div class="war-room-clocks">
          <ClocksPanel incident={incident.data} revision={revision} />
        </div>
        <div class="war-room-main">
          <FactSheetView incidentId={id} sheet={sheet} audiences={audiences} />
        </div>
        <div class="war-room-side">
          <MessagesPanel incidentId={id} messages={messages} audiences={audiences} />
          <UpdatesList updates={incident.data.updates ?? []} />
          <AfterLinks incidentId={id} />
        </div>
      </div>
      <div class="war-room-timeline">
        <TimelinePanel incidentId={id} revision={revision} />
      </div>
    </section>
  );
}

function WriteMessageIfAllowed(props: Parameters<typeof WriteMessage>[0]) {
  const can = useCan();
  return can('message.write') ? <WriteMessage {...props} /> : null;
}
