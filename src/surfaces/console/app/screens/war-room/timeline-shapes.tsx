import type { TimelineEvent } from './timeline-scale.ts';

const diamond = (r: number) => `M0,${-r} L${r},0 L0,${r} L${-r},0 Z`;

/** A regulatory mark's tone: filed or met green, missed red, running amber, waiting grey. */
function regulatoryTone(state: string | undefined): string {
  switch (state) {
    case 'filed':
    case 'met':
      return 'tl-ok';
    case 'late':
    case 'overdue':
      return 'tl-late';
    case 'running':
      return 'tl-warn';
    default:
      return 'tl-muted';
  }
}

/** Each kind of event has its own shape, so the picture reads without color too. */
export function TimelineMarkerShape({ event }: { event: TimelineEvent }) {
  switch (event.kind) {
    case 'occurred':
    case 'detected':
    case 'opened':
      return <rect x={-5} y={-5} width={10} height={10} class="tl-shape tl-muted" />;
    case 'resolved':
      return <rect x={-6} y={-6} width={12} height={12} class="tl-shape tl-ok" />;
    case 'fact_known':
    case 'fact_confirmed':
      return <circle r={5.5} class="tl-shape tl-info tl-hollow tl-thick" />;
    case 'rumor':
      return <path d="M0,-7 L6.5,5 L-6.5,5 Z" class="tl-shape tl-warn tl-hollow" />;
    case 'first_public':
      return (
        <>
          <circle r={9} class="tl-shape tl-accent tl-hollow" />
          <circle r={4.5} class="tl-shape tl-accent" />
        </>
      );
    case 'update':
    case 'message_published':
      return <circle r={6} class="tl-shape tl-accent" />;
    case 'promise':
      return <path d={diamond(6)} class="tl-shape tl-accent tl-hollow" />;
    case 'promise_kept':
      return (
        <>
          <circle r={7} class="tl-shape tl-ok" />
          <path d="M-3.5,0 L-1,2.8 L3.5,-2.8" class="tl-check" />
        </>
      );
    case 'promise_broken':
      return <path d="M-5,-5 L5,5 M5,-5 L-5,5" class="tl-cross" />;
    case 'promise_postponed':
      return <path d={diamond(6)} class="tl-shape tl-muted tl-hollow tl-dashed" />;
    case 'regulatory':
      return event.state === 'filed' ? (
        <rect x={-5} y={-5} width={10} height={10} class="tl-shape tl-ok" />
      ) : (
        <path d="M-4,8 L-4,-8 L7,-4 L-4,0" class={`tl-shape tl-flag ${regulatoryTone(event.state)}`} />
      );
    default:
      return <circle r={5} class="tl-shape tl-muted" />;
  }
}
