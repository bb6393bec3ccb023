-- snapshots only grows. By default autovacuum visits an insert-only table after 20% growth, so the
-- newest days, where the trend views' index-only probes land, stay not-all-visible and every probe
-- reads the heap too (star_trends at 3.65 M rows: 229 ms before vacuum, 173 ms after). Vacuum it
-- after every thousand new rows instead.
ALTER TABLE "snapshots" SET (autovacuum_vacuum_insert_threshold = 1000, autovacuum_vacuum_insert_scale_factor = 0);
