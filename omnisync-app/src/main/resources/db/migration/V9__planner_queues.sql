-- The planner claims re-plan requests oldest first; without this index every chunk of an 800k-listing
-- re-plan sorted everything still queued (load harness, docs/benchmarks.md).
create index replan_by_requested_at on replan (requested_at);

-- The listings grid and the API page through one account's listings by id (keyset paging).
create index listing_by_account on listing (workspace_id, account_id, listing_id);
