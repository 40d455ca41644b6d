-- The planner claims re-plan requests oldest first; without this index every chunk of an 800k-listing
-- re-plan sorted everything still queued (load harness, docs/benchmarks.md).
create index replan_by_requested_at on replan (requested_at);
