-- One open registry entry (an open case, or a party member) per resident ID number, enforced by the database:
-- two clerks starting the same person at the same moment both passed the application's check before either
-- inserted. active_id_number is the upper-cased ID number while the entry is open and null once it has ended
-- (withdrawn, not admitted, probation cancelled), so that person may apply again; a unique index allows many
-- nulls on H2 and PostgreSQL alike, which a partial index (PostgreSQL only) would not give us on H2.
alter table party_member add column active_id_number varchar(18);

-- Entries made before this index: where the race already left two open entries of one person, only the first
-- is marked (the index would refuse both); the application's own check still sees the others by their status.
update party_member set active_id_number = upper(id_number)
 where id_number is not null and status <> 'ended'
   and id = (select min(p.id) from party_member p
              where upper(p.id_number) = upper(party_member.id_number) and p.status <> 'ended');

create unique index uq_party_member_active_id_number on party_member (active_id_number);
