/** The demo's fictional cloud provider: what it sells, who works there, what went wrong lately. */

export const demoWorkspace = { slug: 'demo', name: 'Altostrat Cloud', time_zone: 'Europe/Paris', default_language: 'en' as const };

export const demoOwnerEmail = 'admin@demo.tocsin.test';

export const demoPeople = [
  { email: demoOwnerEmail, name: 'Alex Morel', role: 'owner', locale: 'en' },
  { email: 'claire.dubois@demo.tocsin.test', name: 'Claire Dubois', role: 'comms_lead', locale: 'fr' },
  { email: 'marc.lefevre@demo.tocsin.test', name: 'Marc Lefèvre', role: 'incident_lead', locale: 'fr' },
  { email: 'sophie.bernard@demo.tocsin.test', name: 'Sophie Bernard', role: 'reviewer', locale: 'fr' },
  { email: 'sam.okafor@demo.tocsin.test', name: 'Sam Okafor', role: 'support', locale: 'en' },
  { email: 'jordan.lee@demo.tocsin.test', name: 'Jordan Lee', role: 'viewer', locale: 'en' },
] as const;

export const demoPages = [
  { slug: 'status', name: 'Altostrat Cloud Status', language: 'en', time_zone: 'Europe/Paris', visibility: 'public' },
  { slug: 'statut', name: 'État des services Altostrat Cloud', language: 'fr', time_zone: 'Europe/Paris', visibility: 'public' },
  { slug: 'internal', name: 'Altostrat — internal status', language: 'en', time_zone: 'Europe/Paris', visibility: 'private' },
] as const;

export const demoGroups = [
  {
    name: 'Compute',
    description: 'Where customers run their workloads.',
    components: [
      { key: 'vm', name: 'Virtual machines', description: 'Instances in PAR-1 and PAR-2.' },
      { key: 'k8s', name: 'Managed Kubernetes', description: 'Control planes and node pools.' },
      { key: 'functions', name: 'Serverless functions', description: null },
      { key: 'baremetal', name: 'Bare-metal servers', description: null },
    ],
  },
  {
    name: 'Storage and data',
    description: 'Where customers keep their data.',
    components: [
      { key: 'objects', name: 'Object storage', description: 'S3-compatible buckets.' },
      { key: 'block', name: 'Block storage', description: 'Volumes attached to virtual machines.' },
      { key: 'postgres', name: 'Managed PostgreSQL', description: 'Databases with automatic backups.' },
      { key: 'backups', name: 'Backups', description: null },
    ],
  },
  {
    name: 'Network and access',
    description: 'How customers and their users reach everything else.',
    components: [
      { key: 'dns', name: 'DNS', description: 'Authoritative name servers.' },
      { key: 'lb', name: 'Load balancers', description: null },
      { key: 'console', name: 'Customer console', description: 'The web console at console.altostrat.example.' },
      { key: 'api', name: 'Public API', description: null },
    ],
  },
] as const;

export type ComponentKey = (typeof demoGroups)[number]['components'][number]['key'];
