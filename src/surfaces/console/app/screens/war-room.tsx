import { PageHeader } from '../ui/kit.tsx';

/** Being built: see the console issue. */
export function WarRoom(_props: { params?: Record<string, string> }) {
  return (
    <section class="page">
      <PageHeader title="WarRoom" />
    </section>
  );
}
