import type { AutomaticStatus } from './lifecycle.ts';

export type Language = 'fr' | 'en';

/** The update the schedule writes when it moves a maintenance on, in the workspace's language. */
export function automaticUpdateBody(status: AutomaticStatus, language: Language): string {
  switch (status) {
    case 'in_progress':
      return language === 'fr' ? 'La maintenance programmée a commencé.' : 'The scheduled maintenance has started.';
    case 'completed':
      return language === 'fr' ? 'La maintenance programmée est terminée.' : 'The scheduled maintenance is complete.';
  }
}
