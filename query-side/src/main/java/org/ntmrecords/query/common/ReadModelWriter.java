package org.ntmrecords.query.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the projections write the read tables: within a processor's batch (one Axon unit of work, one transaction)
 * the writes are collected and sent when the batch commits, as one JDBC batch per run of the same statement, so a
 * batch of events costs a handful of round trips instead of one or more per event. Without a unit of work (a
 * projection fed directly) every write runs at once.
 *
 * <p>Order: the writes to one table run in the order the handlers made them; tables are flushed in the order
 * they were first written in the batch. That is enough because no projection statement reads another read table
 * (the projections' statements touch one table each). A handler that must read a read table calls
 * {@link #reading()}, which sends everything collected so far first.
 */
@Component
public class ReadModelWriter {
    private static final Pattern TARGET = Pattern.compile(
            "^\\s*(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_][a-z0-9_.]*)", Pattern.CASE_INSENSITIVE);

    private final JdbcTemplate jdbc;

    public ReadModelWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Something a projection collects during a batch and writes itself when the batch commits. */
    public interface Deferred {
        void flush(JdbcTemplate jdbc);
    }

    /** One statement with its arguments, sent with the batch (at once without one). */
    public void update(String sql, Object... args) {
        String table = table(sql);
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, args);
        } else {
            pending.statements().add(table, sql, List.<Object[]>of(args));
        }
    }

    /** One statement run for each row of arguments, sent with the batch (at once without one). */
    public void batchUpdate(String sql, List<Object[]> rows) {
        String table = table(sql);
        if (rows.isEmpty()) {
            return;
        }
        Pending pending = pending();
        if (pending == null) {
            jdbc.batchUpdate(sql, rows);
        } else {
            pending.statements().add(table, sql, rows);
        }
    }

    /**
     * Adds to this batch's deferred collection of the given kind (created on first use), written when the batch
     * commits, after the statements collected before it was created; without a batch it is written at once.
     */
    public <D extends Deferred> void defer(Class<D> kind, Supplier<D> create, Consumer<D> add) {
        Pending pending = pending();
        if (pending == null) {
            D deferred = create.get();
            add.accept(deferred);
            deferred.flush(jdbc);
        } else {
            add.accept(pending.deferred(kind, create));
        }
    }

    /** The template to read with, after everything collected so far in this batch has been sent. */
    public JdbcTemplate reading() {
        Pending pending = pending();
        if (pending != null) {
            pending.flush(jdbc);
        }
        return jdbc;
    }

    /** The target table of a projection statement; each statement writes exactly one. */
    static String table(String sql) {
        Matcher matcher = TARGET.matcher(sql);
        if (!matcher.find()) {
            throw new IllegalArgumentException("not an insert, update or delete of one table: " + sql);
        }
        return matcher.group(1).toLowerCase(Locale.ROOT);
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        String key = Pending.class.getName();
        Pending existing = root.getResource(key);
        if (existing != null) {
            return existing;
        }
        Pending created = new Pending();
        root.resources().put(key, created);
        root.onPrepareCommit(uow -> created.flush(jdbc));
        return created;
    }

    /** What one batch has collected: statement runs per table and deferred collections, in first-use order. */
    private static final class Pending {
        private final Map<Object, Object> parts = new LinkedHashMap<>();

        Statements statements() {
            return (Statements) parts.computeIfAbsent(Statements.class, k -> new Statements());
        }

        @SuppressWarnings("unchecked")
        <D extends Deferred> D deferred(Class<D> kind, Supplier<D> create) {
            return (D) parts.computeIfAbsent(kind, k -> create.get());
        }

        void flush(JdbcTemplate jdbc) {
            for (Object part : parts.values()) {
                if (part instanceof Statements statements) {
                    statements.flush(jdbc);
                } else {
                    ((Deferred) part).flush(jdbc);
                }
            }
            parts.clear();
        }
    }

    /** Runs of the same statement per table, in order; a run is sent as one JDBC batch. */
    private static final class Statements {
        private final Map<String, List<Run>> byTable = new LinkedHashMap<>();

        void add(String table, String sql, List<Object[]> rows) {
            List<Run> runs = byTable.computeIfAbsent(table, t -> new ArrayList<>());
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || !last.sql().equals(sql)) {
                last = new Run(sql, new ArrayList<>());
                runs.add(last);
            }
            last.rows().addAll(rows);
        }

        void flush(JdbcTemplate jdbc) {
            for (List<Run> runs : byTable.values()) {
                for (Run run : runs) {
                    if (run.rows().size() == 1) {
                        jdbc.update(run.sql(), run.rows().get(0));
                    } else {
                        jdbc.batchUpdate(run.sql(), run.rows());
                    }
                }
            }
            byTable.clear();
        }
    }

    private record Run(String sql, List<Object[]> rows) {
    }
}
