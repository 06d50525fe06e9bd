-- R10: the finance department pays the fees of annulled applications back; it logs in like other staff.
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check CHECK (role IN ('OFFICER', 'SUPERVISOR', 'CLERK', 'FINANCE'));
