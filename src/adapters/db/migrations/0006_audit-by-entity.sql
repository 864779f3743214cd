-- The history of one entity (a fact-sheet entry, a message) is read from the audit log: by entity,
-- not by scanning a workspace's whole log.
create index audit_log_by_entity on audit_log (workspace_id, entity_type, entity_id, id);
