-- Issue 17: the store's business-day cutoff, edited at HQ with its name and time zone and
-- sent to the edge with each menu version (the edge's default was 4: sales before 04:00
-- count for the evening before).
ALTER TABLE stores ADD COLUMN business_day_cutoff_hour INTEGER NOT NULL DEFAULT 4;
