-- 节假日与规则 (管理): the year's public holidays and make-up working days (调休) and the rule set of new cases,
-- kept here and edited at run time instead of a file on the classpath and a startup property (H2 and PostgreSQL).
-- Column names avoid DAY, VALUE and YEAR: reserved words in H2.

-- kind: holiday 放假 | makeUpWorkday 调休上班. One row a day, so a day is never both.
create table calendar_day (
  calendar_date date        primary key,
  kind          varchar(16) not null,
  name          varchar(20) not null
);

-- One row per global setting: ruleSet (setting_value baseline | strict) and calendar (no value: its version tells
-- that the days changed). version grows by one with every change; each node compares it with what it has cached
-- (README, "Scale and clusters"). No row yet: the application seeds it at its first start, the calendar from
-- dangjian.calendar.holidays-file and the rule set from dangjian.rules.profile; later starts leave it alone.
create table global_setting (
  name          varchar(32) primary key,
  setting_value varchar(32),
  version       bigint      not null,
  changed_by    varchar(64) not null,
  changed_at    timestamp   not null
);
