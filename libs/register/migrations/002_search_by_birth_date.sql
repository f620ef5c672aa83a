-- Candidate search narrowed by the whole (partial) birth date, not only the year: the most common
-- surname words share a birth year with hundreds of people in a register of millions, but a
-- candidate whose known birth month or day differs from the query's can never reach the review
-- threshold (BIRTH_DATE_CONFLICT), so the index skips them. NULL parts stay compatible with anything.
ALTER TABLE register.person_name_keys ADD COLUMN birth_month integer, ADD COLUMN birth_day integer;
UPDATE register.person_name_keys k
   SET birth_month = p.birth_month, birth_day = p.birth_day
  FROM register.persons p
 WHERE p.person_id = k.person_id;
CREATE INDEX person_name_keys_search ON register.person_name_keys (name_key, birth_year, birth_month, birth_day, person_id);
