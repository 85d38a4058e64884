-- 驻村帮包 village help: the assignments, their monthly reports and annual assessments, and residents' help
-- cases, kept beside the engine so that the committee's view and reports need no history queries.

-- One help unit and first secretary sent to one village for a term (business key of VillageHelpProcess).
create table village_assignment (
  assignment_key        varchar(200) primary key,
  process_instance_id   varchar(64)  not null,
  committee_id          varchar(64)  not null references organization (id),
  help_unit_id          varchar(64)  not null references organization (id),
  village_id            varchar(64)  not null references organization (id),
  village_name          varchar(100) not null,
  township_name         varchar(100) not null,
  first_secretary_id    varchar(64)  not null,
  unit_head_id          varchar(64)  not null,
  term_start            date         not null,
  term_end              date         not null,
  visit_deadline        date         not null,
  visit_date            date,
  village_satisfied     boolean,
  unit_satisfied        boolean,
  committee_satisfied   boolean,
  ended_on              date,
  created_at            timestamp    not null
);
create index idx_village_assignment_committee on village_assignment (committee_id);

-- 月度工作报告: one per month of the term; flagged when fewer than 20 days were spent in the village.
create table village_monthly_report (
  assignment_key      varchar(200) not null references village_assignment (assignment_key),
  report_month        varchar(7)   not null,
  term_year           int          not null,
  days_in_village     int          not null,
  unexcused_absences  int          not null,
  flagged             boolean      not null,
  submitted_by        varchar(64)  not null,
  submitted_at        timestamp    not null,
  primary key (assignment_key, report_month)
);

-- 年度考核: one per year of the term.
create table village_assessment (
  assignment_key      varchar(200) not null references village_assignment (assignment_key),
  term_year           int          not null,
  grade               varchar(32)  not null,
  unexcused_absences  int          not null,
  recall_requested    boolean      not null,
  assessed_by         varchar(64)  not null,
  assessed_at         timestamp    not null,
  primary key (assignment_key, term_year)
);

-- 帮办事项: a resident's difficulty, from opening to a satisfied close.
create table help_case (
  case_key            varchar(220) primary key,
  process_instance_id varchar(64)  not null,
  assignment_key      varchar(200) not null references village_assignment (assignment_key),
  category            varchar(16)  not null,
  household_name      varchar(50)  not null,
  target_date         date         not null,
  opened_on           date         not null,
  opened_by           varchar(64)  not null,
  escalation_level    int          not null default 0,
  reopen_count        int          not null default 0,
  resolved_date       date,
  closed_on           date
);
create index idx_help_case_assignment on help_case (assignment_key, closed_on);
