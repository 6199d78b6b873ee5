-- Corrections by floor staff (issue 13): a manager lets the `staff` role void and discount up
-- to a number of won per action. 0 (the default) leaves voids and discounts to managers.
ALTER TABLE store ADD COLUMN staff_void_limit INTEGER NOT NULL DEFAULT 0 CHECK (staff_void_limit >= 0);
ALTER TABLE store ADD COLUMN staff_discount_limit INTEGER NOT NULL DEFAULT 0 CHECK (staff_discount_limit >= 0);
