package dev.omnisync.policy.persistence;

import dev.omnisync.channel.Channel;
import dev.omnisync.policy.PolicyOutcome;
import dev.omnisync.policy.PolicyPreview;
import dev.omnisync.policy.PolicyUsage;
import dev.omnisync.policy.PriceRule;
import dev.omnisync.policy.QuantityRule;
import dev.omnisync.policy.SellingPolicies;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.policy.SellingPolicyChanged;
import dev.omnisync.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Selling policies, their price and quantity rules kept as JSON documents shaped like the API's. */
@Repository
class JdbcSellingPolicies implements SellingPolicies {

    private static final String COLUMNS = "policy_id, channel, name, price::text as price, quantity::text as quantity, is_default, version";

    private final JdbcClient jdbc;
    private final PolicyUsage usage;
    private final org.springframework.beans.factory.ObjectProvider<dev.omnisync.policy.PreviewValues> previewValues;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final RowMapper<SellingPolicy> mapper;

    JdbcSellingPolicies(JdbcClient jdbc, PolicyUsage usage, org.springframework.beans.factory.ObjectProvider<dev.omnisync.policy.PreviewValues> previewValues,
            ApplicationEventPublisher events, JsonMapper json) {
        this.jdbc = jdbc;
        this.usage = usage;
        this.previewValues = previewValues;
        this.events = events;
        this.json = json;
        this.mapper = this::map;
    }

    @Override
    @Transactional
    public PolicyOutcome<SellingPolicy> create(WorkspaceId workspace, SellingPolicy draft) {
        return jdbc.sql("insert into selling_policy (workspace_id, channel, name, price, quantity) values (?, ?, ?, ?::jsonb, ?::jsonb) "
                        + "on conflict do nothing returning " + COLUMNS)
                .params(workspace.value(), draft.channel().name(), draft.name(), json.writeValueAsString(draft.price()),
                        json.writeValueAsString(draft.quantity()))
                .query(mapper).optional()
                .<PolicyOutcome<SellingPolicy>>map(PolicyOutcome.Saved::new)
                .orElseGet(() -> new PolicyOutcome.NameTaken<>(draft.channel(), draft.name()));
    }

    @Override
    public List<SellingPolicy> all(WorkspaceId workspace, Optional<Channel> channel) {
        return jdbc.sql("select " + COLUMNS + " from selling_policy where workspace_id = ? and (?::text is null or channel = ?) "
                        + "order by channel, policy_id")
                .params(workspace.value(), channel.map(Enum::name).orElse(null), channel.map(Enum::name).orElse(null))
                .query(mapper).list();
    }

    @Override
    public Optional<SellingPolicy> find(WorkspaceId workspace, long policyId) {
        return jdbc.sql("select " + COLUMNS + " from selling_policy where workspace_id = ? and policy_id = ?")
                .params(workspace.value(), policyId).query(mapper).optional();
    }

    @Override
    public Map<Long, SellingPolicy> findAll(WorkspaceId workspace, Collection<Long> policyIds) {
        Map<Long, SellingPolicy> found = new LinkedHashMap<>();
        if (policyIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select " + COLUMNS + " from selling_policy where workspace_id = ? and policy_id = any(?)")
                .params(workspace.value(), policyIds.toArray(Long[]::new))
                .query(mapper).list().forEach(p -> found.put(p.id(), p));
        return found;
    }

    @Override
    public SellingPolicy defaultFor(WorkspaceId workspace, Channel channel) {
        String name = channel.displayName() + " default";
        for (int attempt = 1; attempt <= 5; attempt++) {
            Optional<SellingPolicy> existing = findDefault(workspace, channel);
            if (existing.isPresent()) {
                return existing.get();
            }
            // concurrent first uses: the partial unique index lets one insert win, the others do nothing
            jdbc.sql("insert into selling_policy (workspace_id, channel, name, price, quantity, is_default) "
                            + "values (?, ?, ?, ?::jsonb, ?::jsonb, true) on conflict do nothing")
                    .params(workspace.value(), channel.name(), attempt == 1 ? name : name + " (" + attempt + ")",
                            json.writeValueAsString(PriceRule.IDENTITY), json.writeValueAsString(QuantityRule.IDENTITY))
                    .update();
        }
        return findDefault(workspace, channel)
                .orElseThrow(() -> new IllegalStateException("could not create the default selling policy of " + channel));
    }

    private Optional<SellingPolicy> findDefault(WorkspaceId workspace, Channel channel) {
        return jdbc.sql("select " + COLUMNS + " from selling_policy where workspace_id = ? and channel = ? and is_default")
                .params(workspace.value(), channel.name()).query(mapper).optional();
    }

    @Override
    public Optional<PolicyPreview> preview(WorkspaceId workspace, SellingPolicy edited) {
        return find(workspace, edited.id()).map(current -> withValues(workspace, PolicyPreview.ofSellingEdit(current, edited, listingsUsing(workspace, current.id())), edited));
    }

    @Override
    @Transactional
    public PolicyOutcome<SellingPolicy> edit(WorkspaceId workspace, SellingPolicy edited, boolean confirmed) {
        Optional<SellingPolicy> current = jdbc.sql("select " + COLUMNS + " from selling_policy where workspace_id = ? and policy_id = ? for update")
                .params(workspace.value(), edited.id()).query(mapper).optional();
        if (current.isEmpty()) {
            return new PolicyOutcome.NotFound<>(edited.id());
        }
        if (current.get().channel() != edited.channel()) {
            throw new IllegalArgumentException("A policy's channel cannot change: '" + current.get().name() + "' is for "
                    + current.get().channel().displayName() + ". Create a policy for " + edited.channel().displayName() + " instead.");
        }
        PolicyPreview preview = PolicyPreview.ofSellingEdit(current.get(), edited, listingsUsing(workspace, edited.id()));
        if (preview.affectedListings() > 0 && !confirmed) {
            return new PolicyOutcome.NeedsConfirmation<>(withValues(workspace, preview, edited));
        }
        boolean nameTaken = jdbc.sql("select exists (select 1 from selling_policy where workspace_id = ? and channel = ? and name = ? and policy_id <> ?)")
                .params(workspace.value(), edited.channel().name(), edited.name(), edited.id()).query(Boolean.class).single();
        if (nameTaken) {
            return new PolicyOutcome.NameTaken<>(edited.channel(), edited.name());
        }
        SellingPolicy saved = jdbc.sql("update selling_policy set name = ?, price = ?::jsonb, quantity = ?::jsonb, version = version + 1, "
                        + "updated_at = now() where workspace_id = ? and policy_id = ? returning " + COLUMNS)
                .params(edited.name(), json.writeValueAsString(edited.price()), json.writeValueAsString(edited.quantity()),
                        workspace.value(), edited.id())
                .query(mapper).single();
        events.publishEvent(new SellingPolicyChanged(workspace, saved.id(), saved.version()));
        return new PolicyOutcome.Saved<>(saved);
    }

    @Override
    @Transactional
    public PolicyOutcome<SellingPolicy> remove(WorkspaceId workspace, long policyId) {
        Optional<SellingPolicy> current = find(workspace, policyId);
        if (current.isEmpty()) {
            return new PolicyOutcome.NotFound<>(policyId);
        }
        long listings = listingsUsing(workspace, policyId);
        if (listings > 0) {
            return new PolicyOutcome.InUse<>(current.get().name(), listings);
        }
        jdbc.sql("delete from selling_policy where workspace_id = ? and policy_id = ?").params(workspace.value(), policyId).update();
        return new PolicyOutcome.Removed<>(policyId);
    }

    @Override
    public Map<Long, Long> usage(WorkspaceId workspace, Collection<Long> policyIds) {
        return usage.listingsPerSellingPolicy(workspace, policyIds);
    }

    /** The preview with what would be sent, when the sync engine is there to tell. */
    private PolicyPreview withValues(WorkspaceId workspace, PolicyPreview preview, SellingPolicy edited) {
        dev.omnisync.policy.PreviewValues values = previewValues.getIfAvailable();
        if (values == null || preview.affectedListings() == 0) {
            return preview;
        }
        List<Long> sample = usage.someListingsUsingSellingPolicy(workspace, edited.id(), dev.omnisync.policy.PreviewValues.SAMPLE_LIMIT);
        return values.withValues(workspace, preview, sample, preview.affectedListings(), null, edited);
    }

    private long listingsUsing(WorkspaceId workspace, long policyId) {
        return usage.listingsPerSellingPolicy(workspace, List.of(policyId)).getOrDefault(policyId, 0L);
    }

    private SellingPolicy map(ResultSet rs, int row) throws SQLException {
        return new SellingPolicy(rs.getLong("policy_id"), Channel.valueOf(rs.getString("channel")), rs.getString("name"),
                json.readValue(rs.getString("price"), PriceRule.class), json.readValue(rs.getString("quantity"), QuantityRule.class),
                rs.getBoolean("is_default"), rs.getLong("version"));
    }
}
