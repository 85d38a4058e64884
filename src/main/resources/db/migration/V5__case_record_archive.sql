-- 全程纪实 archive: the full-process record of every finished case, kept permanently after the engine's
-- history cleanup has removed the case. Rows are inserted once and never updated or deleted.
create table case_record_archive (
  process_instance_id varchar(64)     not null primary key,
  case_number         varchar(128),
  process_key         varchar(255)    not null,
  end_time            timestamp,
  archived_at         timestamp       not null,
  record_json         varchar(1000000) not null
);
create index idx_case_record_archive_case on case_record_archive (case_number);
