package dev.switchboard.gateway.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import dev.switchboard.gateway.trace.Span;
import dev.switchboard.gateway.trace.Trace;
import dev.switchboard.gateway.trace.TracePage;
import dev.switchboard.gateway.trace.TraceQuery;
import dev.switchboard.gateway.trace.UsageBucket;
import dev.switchboard.gateway.trace.UsageGroup;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads and writes traces with plain, portable SQL: the same statements run on H2 and on PostgreSQL. */
public final class TraceStore {
    private static final String SUMMARY_COLUMNS = "id, client_trace_id, started_at, duration_ms, ttft_ms, status, "
            + "provider, model, endpoint, stream, input_tokens, output_tokens, cached_tokens, reasoning_tokens, "
            + "tokens_estimated, cost_usd, finish_reason, error, prompt_name, prompt_version, metadata, "
            + "cache_status, cost_saved_usd, api_key_name";
    private static final String DETAIL_COLUMNS = SUMMARY_COLUMNS
            + ", request_headers, request_body, response_body, spans, hook_results";
    private static final String INSERT_TRACE = "INSERT INTO traces (" + DETAIL_COLUMNS + ", is_error) VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_METADATA =
            "INSERT INTO trace_metadata (trace_id, meta_key, meta_value, started_at) VALUES (?, ?, ?, ?)";
    private static final String AGGREGATES = "COUNT(*), SUM(CASE WHEN t.is_error THEN 1 ELSE 0 END), "
            + "COALESCE(SUM(t.input_tokens), 0), COALESCE(SUM(t.output_tokens), 0), SUM(t.cost_usd), "
            + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY t.duration_ms), "
            + "PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY t.duration_ms)";
    private static final int MAX_META_KEY = 128;
    private static final int MAX_META_VALUE = 512;

    private final DataSource dataSource;
    private final String replicaId;

    public TraceStore(DataSource dataSource) {
        this(dataSource, null);
    }

    /**
     * A store that also tells the other replicas on the same PostgreSQL database which traces it wrote.
     *
     * @param replicaId this gateway's id in those notifications; null sends none (H2, single gateway)
     */
    public TraceStore(DataSource dataSource, String replicaId) {
        this.dataSource = dataSource;
        this.replicaId = replicaId;
    }

    /** Writes traces in one transaction. */
    public void insert(List<Trace> traces) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement trace = connection.prepareStatement(INSERT_TRACE);
                 PreparedStatement metadata = connection.prepareStatement(INSERT_METADATA)) {
                for (Trace t : traces) {
                    bindTrace(trace, t);
                    trace.addBatch();
                    for (Map.Entry<String, String> pair : t.metadata().entrySet()) {
                        metadata.setString(1, t.id());
                        metadata.setString(2, text(pair.getKey(), MAX_META_KEY));
                        metadata.setString(3, text(pair.getValue(), MAX_META_VALUE));
                        metadata.setLong(4, t.startedAt().toEpochMilli());
                        metadata.addBatch();
                    }
                }
                trace.executeBatch();
                metadata.executeBatch();
                if (replicaId != null) {
                    ReplicaFeed.announce(connection, replicaId, traces);
                }
                connection.commit();
            } catch (SQLException e) {
                rollback(connection, e);
                throw e;
            }
        }
    }

    /** Keeps the original failure: on a connection the server cut, the rollback fails too. */
    private static void rollback(Connection connection, SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    public long count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM traces");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One trace with bodies and spans, by its id or else by the caller's trace id (newest such request). */
    public Optional<Trace> find(String id) throws SQLException {
        String sql = "SELECT " + DETAIL_COLUMNS + " FROM traces WHERE id = ? OR client_trace_id = ? "
                + "ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END, started_at DESC";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(1);
            statement.setString(1, id);
            statement.setString(2, id);
            statement.setString(3, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(readDetail(rows)) : Optional.empty();
            }
        }
    }

    /** Summaries of the traces with these ids (those that exist), in no particular order. */
    public List<Trace> findSummaries(List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM traces WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        List<Trace> traces = new ArrayList<>(ids.size());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, new ArrayList<>(ids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    traces.add(readSummary(rows));
                }
            }
        }
        return traces;
    }

    public TracePage query(TraceQuery query) throws SQLException {
        SqlFilter filter = TraceFilters.where(query);
        Cursor cursor = Cursor.decode(query.cursor());
        StringBuilder sql = new StringBuilder("SELECT ").append(SUMMARY_COLUMNS).append(" FROM traces t WHERE ")
                .append(filter.sql());
        List<Object> args = new ArrayList<>(filter.args());
        if (cursor != null) {
            sql.append(" AND (t.started_at < ? OR (t.started_at = ? AND t.id < ?))");
            args.add(cursor.startedAt());
            args.add(cursor.startedAt());
            args.add(cursor.id());
        }
        int limit = query.effectiveLimit();
        sql.append(" ORDER BY ").append(PageOrder.of(query));
        List<Trace> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            statement.setMaxRows(limit + 1);
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(readSummary(rows));
                }
            }
        }
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            Trace last = items.getLast();
            next = new Cursor(last.startedAt().toEpochMilli(), last.id()).encode();
        }
        return new TracePage(List.copyOf(items), next);
    }

    /** How many traces match the filters (cursor and limit ignored). */
    public long count(TraceQuery query) throws SQLException {
        SqlFilter filter = TraceFilters.where(query);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM traces t WHERE " + filter.sql())) {
            bind(statement, filter.args());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Totals per group over {@code [from, to)}.
     *
     * @param groupBy {@code none}, {@code model}, {@code provider}, {@code prompt}, {@code endpoint} or
     *                {@code metadata.<key>}
     */
    public List<UsageGroup> usage(Instant from, Instant to, String groupBy) throws SQLException {
        UsageGrouping grouping = UsageGrouping.parse(groupBy);
        String groupClause = grouping.keyExpression() == null ? "" : " GROUP BY " + grouping.keyExpression();
        String sql = "SELECT " + grouping.selectKey() + " AS group_key, " + AGGREGATES + " FROM traces t "
                + grouping.join() + " WHERE t.started_at >= ? AND t.started_at < ?" + groupClause
                + " ORDER BY COUNT(*) DESC";
        List<UsageBucket> rows = aggregate(sql, grouping, from, to, 0, null);
        return rows.stream().map(UsageBucket::totals).toList();
    }

    /**
     * The same totals per time bucket, for charts: one row per (bucket, group) that has traffic.
     *
     * @param bucket bucket width; buckets start at multiples of it since the epoch
     */
    public List<UsageBucket> usageSeries(Instant from, Instant to, Duration bucket, String groupBy)
            throws SQLException {
        UsageGrouping grouping = UsageGrouping.parse(groupBy);
        long width = Math.max(1000, bucket.toMillis());
        String bucketExpression = "(t.started_at / " + width + ") * " + width;
        String sql = "SELECT " + grouping.selectKey() + " AS group_key, " + AGGREGATES + ", " + bucketExpression
                + " AS bucket_start FROM traces t " + grouping.join()
                + " WHERE t.started_at >= ? AND t.started_at < ? GROUP BY " + bucketExpression
                + grouping.groupByTail() + " ORDER BY bucket_start";
        return aggregate(sql, grouping, from, to, width, "bucket_start");
    }

    private List<UsageBucket> aggregate(String sql, UsageGrouping grouping, Instant from, Instant to, long width,
                                        String bucketColumn) throws SQLException {
        List<Object> args = new ArrayList<>(grouping.joinArgs());
        args.add(from.toEpochMilli());
        args.add(to.toEpochMilli());
        List<UsageBucket> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    BigDecimal cost = r.getBigDecimal(6);
                    UsageGroup totals = new UsageGroup(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4),
                            r.getLong(5), cost == null ? null : cost.stripTrailingZeros(), roundedOrNull(r, 7),
                            roundedOrNull(r, 8));
                    Instant start = bucketColumn == null ? from : Instant.ofEpochMilli(r.getLong(bucketColumn));
                    rows.add(new UsageBucket(start, width == 0 ? Duration.between(from, to) : Duration.ofMillis(width),
                            totals));
                }
            }
        }
        return rows;
    }

    static void bind(PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            switch (arg) {
                case Long l -> statement.setLong(i + 1, l);
                case Integer n -> statement.setInt(i + 1, n);
                case BigDecimal d -> statement.setBigDecimal(i + 1, d);
                default -> statement.setString(i + 1, arg.toString());
            }
        }
    }

    private static Long roundedOrNull(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : Math.round(value);
    }

    private static void bindTrace(PreparedStatement s, Trace t) throws SQLException {
        s.setString(1, t.id());
        s.setString(2, text(t.clientTraceId(), 256));
        s.setLong(3, t.startedAt().toEpochMilli());
        s.setLong(4, t.durationMs());
        setLong(s, 5, t.ttftMs());
        s.setInt(6, t.status());
        s.setString(7, text(t.provider(), 64));
        s.setString(8, text(t.model(), 256));
        s.setString(9, text(t.endpoint(), 64));
        s.setBoolean(10, t.stream());
        setInt(s, 11, t.inputTokens());
        setInt(s, 12, t.outputTokens());
        setInt(s, 13, t.cachedTokens());
        setInt(s, 14, t.reasoningTokens());
        s.setBoolean(15, t.tokensEstimated());
        s.setBigDecimal(16, t.costUsd());
        s.setString(17, text(t.finishReason(), 64));
        s.setString(18, text(t.error(), Integer.MAX_VALUE));
        s.setString(19, text(t.promptName(), 256));
        setInt(s, 20, t.promptVersion());
        s.setString(21, t.metadata().isEmpty() ? null : Json.write(t.metadata()));
        s.setString(22, text(t.cacheStatus(), 16));
        s.setBigDecimal(23, t.costSavedUsd());
        s.setString(24, text(t.apiKeyName(), 128));
        s.setString(25, t.requestHeaders() == null ? null : Json.write(t.requestHeaders()));
        s.setString(26, text(t.requestBody(), Integer.MAX_VALUE));
        s.setString(27, text(t.responseBody(), Integer.MAX_VALUE));
        s.setString(28, t.spans() == null ? null : Json.write(t.spans()));
        s.setString(29, t.hookResults() == null ? null : Json.write(t.hookResults()));
        s.setBoolean(30, !t.ok());
    }

    private static Trace readSummary(ResultSet r) throws SQLException {
        return read(r, null, null, null, null, null);
    }

    private static Trace readDetail(ResultSet r) throws SQLException {
        String hooks = r.getString("hook_results");
        return read(r, readJson(r.getString("request_headers"), new TypeReference<Map<String, String>>() { }),
                r.getString("request_body"), r.getString("response_body"),
                readJson(r.getString("spans"), new TypeReference<List<Span>>() { }),
                hooks == null ? null : Json.read(hooks));
    }

    private static Trace read(ResultSet r, Map<String, String> headers, String requestBody, String responseBody,
                              List<Span> spans, JsonNode hookResults) throws SQLException {
        BigDecimal cost = r.getBigDecimal("cost_usd");
        Map<String, String> metadata = readJson(r.getString("metadata"), new TypeReference<Map<String, String>>() { });
        return new Trace(r.getString("id"), r.getString("client_trace_id"),
                Instant.ofEpochMilli(r.getLong("started_at")), r.getLong("duration_ms"), getLong(r, "ttft_ms"),
                r.getInt("status"), r.getString("provider"), r.getString("model"), r.getString("endpoint"),
                r.getBoolean("stream"), getInt(r, "input_tokens"), getInt(r, "output_tokens"),
                getInt(r, "cached_tokens"), getInt(r, "reasoning_tokens"), r.getBoolean("tokens_estimated"),
                cost == null ? null : cost.stripTrailingZeros(), r.getString("finish_reason"), metadata,
                r.getString("error"), r.getString("prompt_name"), getInt(r, "prompt_version"),
                r.getString("cache_status"), decimal(r, "cost_saved_usd"), r.getString("api_key_name"), requestBody,
                responseBody, headers, spans, hookResults);
    }

    private static BigDecimal decimal(ResultSet r, String column) throws SQLException {
        BigDecimal value = r.getBigDecimal(column);
        return value == null ? null : value.stripTrailingZeros();
    }

    private static <T> T readJson(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("Stored trace JSON is unreadable", e);
        }
    }

    private static Long getLong(ResultSet r, String column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }

    private static Integer getInt(ResultSet r, String column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    /**
     * Caller-supplied text made storable on both databases: cut to the column's length, which both enforce, and
     * without NUL characters, which PostgreSQL refuses in text. A refused row would otherwise cost the trace.
     */
    private static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        String cut = truncate(value, max);
        return cut.indexOf('\0') < 0 ? cut : cut.replace('\0', '\uFFFD');
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Position after the last row of a page: newest-first order is (started_at, id) descending. */
    record Cursor(long startedAt, String id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((startedAt + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int colon = plain.indexOf(':');
                return new Cursor(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new InvalidQueryException("cursor", "cursor is not one this gateway returned");
            }
        }
    }
}
