-- One table of secret ballots (测评票) for every process that holds a secret ballot: 分类定级's 党员群众测评 and
-- 述职评议's 测评. A ballot belongs to the case it evaluates (process_instance_id: the calling case), one per
-- evaluator; the committee sees only counts and unsigned comments. grading_ballot's rows move here unchanged (its
-- satisfaction is the choice) and that table goes.
create table secret_ballot (
  process_instance_id varchar(64) not null,
  evaluator_id varchar(64) not null,
  choice varchar(32) not null,
  comment_text varchar(500),
  cast_at timestamp not null,
  primary key (process_instance_id, evaluator_id)
);

insert into secret_ballot (process_instance_id, evaluator_id, choice, comment_text, cast_at)
  select process_instance_id, evaluator_id, satisfaction, comment_text, cast_at from grading_ballot;

drop table grading_ballot;

-- 述职评议: one campaign per committee and year, one review per organization (its secretary) and year.
create table secretary_review_campaign (
  committee_id varchar(64) not null,
  campaign_year int not null,
  process_instance_id varchar(64) not null,
  started_by varchar(64),
  started_at timestamp not null,
  primary key (committee_id, campaign_year)
);

create table secretary_review (
  organization_id varchar(64) not null,
  review_year int not null,
  process_instance_id varchar(64) not null,
  started_at timestamp not null,
  review_level varchar(32),
  decided_on date,
  primary key (organization_id, review_year)
);
