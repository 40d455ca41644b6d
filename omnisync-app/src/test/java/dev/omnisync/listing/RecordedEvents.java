package dev.omnisync.listing;

import dev.omnisync.policy.SellingPolicyChanged;
import dev.omnisync.policy.SyncPolicyChanged;
import dev.omnisync.workspace.WorkspaceId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener (picked up by component scanning of the test classpath) that keeps the policy and
 * listing events, so ITs can check what the future planner will be told. Tests read their own workspace's.
 */
@Component
public class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener({SyncPolicyChanged.class, SellingPolicyChanged.class, ListingLinked.class, ListingSettingsChanged.class,
            ListingPoliciesChanged.class})
    void record(Object event) {
        events.add(event);
    }

    public List<Object> of(WorkspaceId workspace) {
        return events.stream().filter(e -> workspace.equals(workspaceOf(e))).toList();
    }

    private static WorkspaceId workspaceOf(Object event) {
        if (event instanceof SyncPolicyChanged e) {
            return e.workspace();
        }
        if (event instanceof SellingPolicyChanged e) {
            return e.workspace();
        }
        if (event instanceof ListingLinked e) {
            return e.workspace();
        }
        if (event instanceof ListingSettingsChanged e) {
            return e.workspace();
        }
        if (event instanceof ListingPoliciesChanged e) {
            return e.workspace();
        }
        return null;
    }
}
