-- Indexes on the engine's own tables for the queries dangjian-flow makes, each found by the scale benchmark
-- (README, "Scale"). Applied after the engine has created its tables (system/EngineIndexes); the benchmark drops
-- and recreates exactly these to measure the engine's default schema against ours on the same data.

-- overdue lists: open tasks past their due date, most overdue first (the engine has no index on DUE_DATE_)
create index if not exists dj_idx_task_due_date on act_ru_task (due_date_);

-- cases by a process variable's value (a committee's cases: committeeId = x): the engine indexes variables by
-- process instance only; with the process instance last, "does this task's case have committeeId = x" is one
-- index lookup instead of re-reading every variable of that value for every task
create index if not exists dj_idx_variable_name_text_case on act_ru_variable (name_, text_, proc_inst_id_);

-- the authorization check of every query: "the user's own grants or their groups'" (A.USER_ID_ in (user, '*')
-- or A.GROUP_ID_ in (...)); the engine indexes the groups only, so without this the check reads the whole table
create index if not exists dj_idx_authorization_user on act_ru_authorization (user_id_);
