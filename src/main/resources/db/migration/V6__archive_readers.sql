-- Who may read an archived record once the engine's history (and its authorizations) is gone: the groups that
-- held read permission on the case's history when it was archived, comma-separated.
alter table case_record_archive add column reader_groups varchar(4000);
