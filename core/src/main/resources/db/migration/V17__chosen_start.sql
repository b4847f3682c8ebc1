-- A player chooses their best 30 s (issue 25): where in the original the broadcast starts. 0, the assignment's
-- "first 30 s", for every video uploaded before and for any client that does not say.
ALTER TABLE videos ADD COLUMN start_seconds numeric(8, 3) NOT NULL DEFAULT 0
    CONSTRAINT videos_start_seconds_valid CHECK (start_seconds >= 0);
