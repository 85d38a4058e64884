-- Activist points (入党积极分子积分管理) are kept by the branches that choose to.
alter table organization add column activist_points_enabled boolean default false not null;
