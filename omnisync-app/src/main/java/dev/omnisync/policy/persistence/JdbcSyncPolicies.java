package dev.omnisync.policy.persistence;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.policy.PolicyOutcome;
import dev.omnisync.policy.PolicyPreview;
import dev.omnisync.policy.PolicyUsage;
import dev.omnisync.policy.SyncPolicies;
import dev.omnisync.policy.SyncPolicyChanged;
import dev.omnisync.policy.SynchronizationPolicy;
import dev.omnisync.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcSyncPolicies implements SyncPolicies {

    private static final String COLUMNS = "policy_id, channel, name, fields, is_default, version";

    private final JdbcClient jdbc;
    private final PolicyUsage usage;
    private final org.springframework.beans.factory.ObjectProvider<dev.omnisync.policy.PreviewValues> previewValues;
    private final ApplicationEventPublisher events;

    JdbcSyncPolicies(JdbcClient jdbc, PolicyUsage usage, org.springframework.beans.factory.ObjectProvider<dev.omnisync.policy.PreviewValues> previewValues,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.usage = usage;
        this.previewValues = previewValues;
        this.events = events;
    }

    @Override
    @Transactional
    public PolicyOutcome<SynchronizationPolicy> create(WorkspaceId workspace, SynchronizationPolicy draft) {
        // "on conflict do nothing" turns a taken name into an empty answer instead of an aborted transaction
        return jdbc.sql("insert into sync_policy (workspace_id, channel, name, fields) values (?, ?, ?, ?) "
                        + "on conflict do nothing returning " + COLUMNS)
                .params(workspace.value(), draft.channel().name(), draft.name(), keys(draft.fields()))
                .query(JdbcSyncPolicies::map).optional()
                .<PolicyOutcome<SynchronizationPolicy>>map(PolicyOutcome.Saved::new)
                .orElseGet(() -> new PolicyOutcome.NameTaken<>(draft.channel(), draft.name()));
    }

    @Override
    public List<SynchronizationPolicy> all(WorkspaceId workspace, Optional<Channel> channel) {
        return jdbc.sql("select " + COLUMNS + " from sync_policy where workspace_id = ? and (?::text is null or channel = ?) "
                        + "order by channel, policy_id")
                .params(workspace.value(), channel.map(Enum::name).orElse(null), channel.map(Enum::name).orElse(null))
                .query(JdbcSyncPolicies::map).list();
    }

    @Override
    public Optional<SynchronizationPolicy> find(WorkspaceId workspace, long policyId) {
        return jdbc.sql("select " + COLUMNS + " from sync_policy where workspace_id = ? and policy_id = ?")
                .params(workspace.value(), policyId).query(JdbcSyncPolicies::map).optional();
    }

    @Override
    public Map<Long, SynchronizationPolicy> findAll(WorkspaceId workspace, Collection<Long> policyIds) {
        Map<Long, SynchronizationPolicy> found = new LinkedHashMap<>();
        if (policyIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select " + COLUMNS + " from sync_policy where workspace_id = ? and policy_id = any(?)")
                .params(workspace.value(), policyIds.toArray(Long[]::new))
                .query(JdbcSyncPolicies::map).list().forEach(p -> found.put(p.id(), p));
        return found;
    }

    @Override
    public SynchronizationPolicy defaultFor(WorkspaceId workspace, Channel channel) {
        String name = SynchronizationPolicy.defaultName(channel);
        for (int attempt = 1; attempt <= 5; attempt++) {
            Optional<SynchronizationPolicy> existing = findDefault(workspace, channel);
            if (existing.isPresent()) {
                return existing.get();
            }
            // A concurrent first use inserts too; the partial unique index lets exactly one win and the
            // loser's insert does nothing, so both then read the same row.
            jdbc.sql("insert into sync_policy (workspace_id, channel, name, fields, is_default) values (?, ?, ?, ?, true) "
                            + "on conflict do nothing")
                    .params(workspace.value(), channel.name(), attempt == 1 ? name : name + " (" + attempt + ")",
                            keys(SynchronizationPolicy.RECOMMENDED))
                    .update();
            // a user's own policy may already carry the default's name: the next attempt picks another
        }
        return findDefault(workspace, channel)
                .orElseThrow(() -> new IllegalStateException("could not create the default policy of " + channel));
    }

    private Optional<SynchronizationPolicy> findDefault(WorkspaceId workspace, Channel channel) {
        return jdbc.sql("select " + COLUMNS + " from sync_policy where workspace_id = ? and channel = ? and is_default")
                .params(workspace.value(), channel.name()).query(JdbcSyncPolicies::map).optional();
    }

    @Override
    public Optional<PolicyPreview> preview(WorkspaceId workspace, SynchronizationPolicy edited) {
        return find(workspace, edited.id()).map(current -> withValues(workspace, PolicyPreview.ofSyncEdit(current, edited, listingsUsing(workspace, current.id())), edited));
    }

    @Override
    @Transactional
    public PolicyOutcome<SynchronizationPolicy> edit(WorkspaceId workspace, SynchronizationPolicy edited, boolean confirmed) {
        Optional<SynchronizationPolicy> current = jdbc.sql("select " + COLUMNS + " from sync_policy where workspace_id = ? and policy_id = ? for update")
                .params(workspace.value(), edited.id()).query(JdbcSyncPolicies::map).optional();
        if (current.isEmpty()) {
            return new PolicyOutcome.NotFound<>(edited.id());
        }
        if (current.get().channel() != edited.channel()) {
            throw new IllegalArgumentException("A policy's channel cannot change: '" + current.get().name() + "' is for "
                    + current.get().channel().displayName() + ". Create a policy for " + edited.channel().displayName() + " instead.");
        }
        PolicyPreview preview = PolicyPreview.ofSyncEdit(current.get(), edited, listingsUsing(workspace, edited.id()));
        if (preview.affectedListings() > 0 && !confirmed) {
            return new PolicyOutcome.NeedsConfirmation<>(withValues(workspace, preview, edited));
        }
        if (nameTaken(workspace, edited)) {
            return new PolicyOutcome.NameTaken<>(edited.channel(), edited.name());
        }
        SynchronizationPolicy saved = jdbc.sql("update sync_policy set name = ?, fields = ?, version = version + 1, updated_at = now() "
                        + "where workspace_id = ? and policy_id = ? returning " + COLUMNS)
                .params(edited.name(), keys(edited.fields()), workspace.value(), edited.id())
                .query(JdbcSyncPolicies::map).single();
        events.publishEvent(new SyncPolicyChanged(workspace, saved.id(), saved.version()));
        return new PolicyOutcome.Saved<>(saved);
    }

    @Override
    @Transactional
    public PolicyOutcome<SynchronizationPolicy> remove(WorkspaceId workspace, long policyId) {
        Optional<SynchronizationPolicy> current = find(workspace, policyId);
        if (current.isEmpty()) {
            return new PolicyOutcome.NotFound<>(policyId);
        }
        long listings = listingsUsing(workspace, policyId);
        if (listings > 0) {
            return new PolicyOutcome.InUse<>(current.get().name(), listings);
        }
        jdbc.sql("delete from sync_policy where workspace_id = ? and policy_id = ?").params(workspace.value(), policyId).update();
        return new PolicyOutcome.Removed<>(policyId);
    }

    @Override
    public Map<Long, Long> usage(WorkspaceId workspace, Collection<Long> policyIds) {
        return usage.listingsPerSyncPolicy(workspace, policyIds);
    }

    /** The preview with what would be sent, when the sync engine is there to tell. */
    private PolicyPreview withValues(WorkspaceId workspace, PolicyPreview preview, SynchronizationPolicy edited) {
        dev.omnisync.policy.PreviewValues values = previewValues.getIfAvailable();
        if (values == null || preview.affectedListings() == 0) {
            return preview;
        }
        List<Long> sample = usage.someListingsUsingSyncPolicy(workspace, edited.id(), dev.omnisync.policy.PreviewValues.SAMPLE_LIMIT);
        return values.withValues(workspace, preview, sample, preview.affectedListings(), edited, null);
    }

    private long listingsUsing(WorkspaceId workspace, long policyId) {
        return usage.listingsPerSyncPolicy(workspace, List.of(policyId)).getOrDefault(policyId, 0L);
    }

    private boolean nameTaken(WorkspaceId workspace, SynchronizationPolicy edited) {
        return jdbc.sql("select exists (select 1 from sync_policy where workspace_id = ? and channel = ? and name = ? and policy_id <> ?)")
                .params(workspace.value(), edited.channel().name(), edited.name(), edited.id()).query(Boolean.class).single();
    }

    private static String[] keys(Set<FieldKey> fields) {
        return fields.stream().map(Enum::name).toArray(String[]::new);
    }

    static SynchronizationPolicy map(ResultSet rs, int row) throws SQLException {
        Set<FieldKey> fields = EnumSet.noneOf(FieldKey.class);
        Arrays.stream((String[]) rs.getArray("fields").getArray()).map(FieldKey::valueOf).forEach(fields::add);
        return new SynchronizationPolicy(rs.getLong("policy_id"), Channel.valueOf(rs.getString("channel")), rs.getString("name"),
                fields, rs.getBoolean("is_default"), rs.getLong("version"));
    }
}
