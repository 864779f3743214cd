import type { IncidentStage, StageTexts } from './types.ts';

const nextUpdate = 'Next update at {{next_update}}, on our status page and through support.';

/** What happens, who is affected, what we do, when we speak next (doctrine §2). */
export const en: Record<IncidentStage, StageTexts> = {
  first: {
    subject: 'Ongoing incident: {{components}}',
    long: `Since {{started_at}}, our customers have been affected by an incident on {{components}}. {{what}} {{?impact}}

Our teams are investigating the cause, which we do not know yet. {{?key_messages}}

Next update at {{next_update}}.`,
    short: '{{company}}: since {{started_at}}, an incident has affected {{components}} for our customers. Our teams are on it. {{?key_messages}} Next update at {{next_update}}.',
    script: `Q: What is happening?
A: Since {{started_at}}, our customers have been affected by an incident on {{components}}. {{what}} {{?impact}}
Q: What are you doing about it?
A: Our teams are investigating the cause. We do not know it yet, so do not offer an explanation. {{?key_messages}}
Q: Who do I pass a question not covered here to?
A: The incident referent: {{referent}}.
Q: When will we know more?
A: ${nextUpdate}`,
  },
  update: {
    subject: 'Incident update: {{components}}',
    long: `The incident affecting {{components}} since {{started_at}} is still ongoing. {{what}} {{?impact}}

Our teams are still working to restore the service. {{?key_messages}}

Next update at {{next_update}}.`,
    short: '{{company}}: the incident affecting {{components}} is still ongoing. Our teams are still working on it. {{?key_messages}} Next update at {{next_update}}.',
    script: `Q: Where does the incident stand?
A: The incident affecting {{components}} since {{started_at}} is still ongoing. {{what}} {{?impact}}
Q: What are you doing about it?
A: Our teams are still working to restore the service. {{?key_messages}}
Q: Who do I pass a question not covered here to?
A: The incident referent: {{referent}}.
Q: When will we know more?
A: ${nextUpdate}`,
  },
  identified: {
    subject: 'Cause identified: {{components}}',
    long: `We have identified the cause of the incident affecting {{components}} since {{started_at}}. {{what}} {{?impact}}

Our teams are preparing a fix. Until it is in place, the service remains disrupted. {{?key_messages}}

Next update at {{next_update}}.`,
    short: '{{company}}: we have identified the cause of the incident affecting {{components}}. Our teams are preparing a fix. {{?key_messages}} Next update at {{next_update}}.',
    script: `Q: Where does the incident stand?
A: We have identified the cause of the incident affecting {{components}} since {{started_at}}. {{what}} {{?impact}}
Q: What are you doing about it?
A: Our teams are preparing a fix. Until it is in place, the service remains disrupted, so do not give a time for recovery. {{?key_messages}}
Q: Who do I pass a question not covered here to?
A: The incident referent: {{referent}}.
Q: When will we know more?
A: ${nextUpdate}`,
  },
  monitoring: {
    subject: 'Fix deployed: {{components}}',
    long: `We have deployed a fix for the incident that had affected {{components}} since {{started_at}}. Our teams are monitoring the service to make sure the recovery holds. {{?key_messages}}

If you still run into trouble, please contact our support team.

Next update at {{next_update}}.`,
    short: '{{company}}: a fix is deployed for {{components}}. Our teams are monitoring the service. {{?key_messages}} Next update at {{next_update}}.',
    script: `Q: Where does the incident stand?
A: We have deployed a fix for the incident that had affected {{components}} since {{started_at}}. Our teams are monitoring the service to make sure the recovery holds. {{?key_messages}}
Q: The customer still runs into trouble: what should I do?
A: Note what they see and when, then pass it on to the engineering team.
Q: Who do I pass a question not covered here to?
A: The incident referent: {{referent}}.
Q: When will we know more?
A: ${nextUpdate}`,
  },
  resolved: {
    subject: 'Incident resolved: {{components}}',
    long: `The incident that affected {{components}} is resolved: the service is working normally again. The incident lasted from {{started_time}} to {{resolved_time}}. {{?key_messages}}

We apologise for the inconvenience. If you still run into trouble, please contact our support team.`,
    short: '{{company}}: the incident affecting {{components}} is resolved and the service is working normally again. Thank you for your patience, and our apologies. {{?key_messages}}',
    script: `Q: Is the incident over?
A: Yes. The incident that affected {{components}} is resolved: the service is working normally again. The incident lasted from {{started_time}} to {{resolved_time}}. {{?key_messages}}
Q: The customer still runs into trouble: what should I do?
A: Note what they see and when, then pass it on to the engineering team.
Q: What do I tell an unhappy customer?
A: Apologise for the inconvenience. We will publish a review of the incident on our status page.`,
  },
  closing: {
    subject: 'Incident of {{started_date}}: what happened',
    long: `On {{started_date}}, from {{started_time}} to {{resolved_time}}, an incident affected {{components}}. We apologise for the inconvenience it caused. {{?key_messages}}

The cause: {{cause}}

What we are changing to prevent a repeat: {{corrective_actions}}

If you have any questions, please contact our support team.`,
    short: '{{company}}: our review of the incident of {{started_date}} on {{components}}, its cause and what we change to prevent a repeat. Our apologies. {{?key_messages}} {{?status_page_url}}',
    script: `Q: What happened on {{started_date}}?
A: From {{started_time}} to {{resolved_time}}, an incident affected {{components}}. The cause: {{cause}}
Q: What are you doing to prevent a repeat?
A: {{corrective_actions}}
Q: What do I tell an unhappy customer?
A: Apologise for the inconvenience and point them to the review published on our status page. {{?key_messages}}`,
  },
  breach_notice: {
    subject: 'Important information about your personal data',
    long: `On {{started_date}}, we discovered unauthorised access to data of our customers. {{impact}} Your data is part of it: {{data_kinds}}.

What this means for you: this data could be used for fraud or phishing attempts.

What we have done: {{measures}}

What we recommend: change your password, be wary of messages asking for your login details or bank details, and check your account statements.

If you have any questions, contact our data protection officer: {{contact}}.

We apologise for this situation. {{?key_messages}}`,
    email: `Dear customer,

{{long}}

The {{company}} team`,
    short: '{{company}}: unauthorised access exposed data about you. Risk: fraud or phishing attempts. Measures taken: {{measures}} Change your password. Questions: contact us at {{contact}}. {{?key_messages}}',
    script: `Q: What happened?
A: On {{started_date}}, we discovered unauthorised access to data of our customers: {{data_kinds}}. {{impact}}
Q: What are the risks for me?
A: This data could be used for fraud or phishing attempts.
Q: What have you done?
A: {{measures}} {{?key_messages}}
Q: What should I do?
A: Change your password, be wary of messages asking for your login details or bank details, and check your account statements.
Q: Who can I contact?
A: Our data protection officer: {{contact}}.`,
  },
  compensation: {
    subject: 'Incident of {{started_date}}: what we offer you',
    long: `On {{started_date}}, an incident affected {{components}}. We apologise for the inconvenience it caused. {{?key_messages}}

For our customers who were affected, we offer: {{compensation}}

If you have any questions, please contact our support team.`,
    short: '{{company}}: after the incident of {{started_date}}, here is what we offer the customers affected: {{compensation}} {{?key_messages}}',
    script: `Q: What do you offer after the incident of {{started_date}}?
A: {{compensation}}
Q: Who gets it?
A: Our customers affected by the incident on {{components}}.
Q: What do I tell an unhappy customer?
A: Apologise for the inconvenience. {{?key_messages}}`,
  },
  rumor_correction: {
    subject: 'Correction: {{components}}',
    long: `False information is circulating: {{rumor}}

Here are the facts: {{correction}} {{what}}

We keep this page up to date with what is confirmed. {{?key_messages}}`,
    short: '{{company}}: false information is circulating. The facts: {{correction}} {{?key_messages}}',
    script: `Q: I read that {{rumor}} Is it true?
A: No, this information is false. Here are the facts: {{correction}} {{what}}
Q: Where can I follow the situation?
A: On our status page, kept up to date with what is confirmed. {{?key_messages}}`,
  },
};
