-- 分类定级: one campaign per committee and year, one grading per organization and year (the history).
create table grading_campaign (
  committee_id varchar(64) not null,
  campaign_year int not null,
  process_instance_id varchar(64) not null,
  started_by varchar(64),
  started_at timestamp not null,
  primary key (committee_id, campaign_year)
);

create table organization_grading (
  organization_id varchar(64) not null,
  grading_year int not null,
  process_instance_id varchar(64) not null,
  started_at timestamp not null,
  self_total int,
  committee_score int,
  final_level varchar(64),
  final_level_name varchar(64),
  decided_on date,
  finalized_on date,
  primary key (organization_id, grading_year)
);

-- Ballots of 党员群众测评, one per evaluator; the committee sees only the counts.
create table grading_ballot (
  process_instance_id varchar(64) not null,
  evaluator_id varchar(64) not null,
  satisfaction varchar(32) not null,
  comment_text varchar(500),
  cast_at timestamp not null,
  primary key (process_instance_id, evaluator_id)
);
