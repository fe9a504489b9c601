package org.ntmrecords.infra.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.TestDatabases;
import org.ntmrecords.query.common.ReadModelWriter;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projections' writer on a real PostgreSQL: inside a batch nothing reaches the database before the batch
 * commits, then every table's writes run in the order they were made (an insert before the update of the same
 * row, even with other tables' writes between them); a read sees the batch's writes so far; a rolled-back batch
 * writes nothing; a statement that is not a single-table write is refused.
 */
class ReadModelWriterIT {
    private JdbcTemplate jdbc;
    private ReadModelWriter writer;

    @BeforeEach
    void tables() {
        TestDatabases.Database database = TestDatabases.fresh();
        PGSimpleDataSource dataSource = database.dataSource();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table a (id int primary key, v text not null)");
        jdbc.execute("create table b (id int primary key, v text not null)");
        writer = new ReadModelWriter(jdbc);
    }

    private List<String> rows(String table) {
        return jdbc.queryForList("select id || '=' || v from " + table + " order by id", String.class);
    }

    @Test
    void aBatchIsWrittenWhenItCommitsInEachTablesOrder() {
        List<List<String>> seenInside = new ArrayList<>();
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch")).execute(() -> {
            writer.update("insert into a (id, v) values (?, ?)", 1, "first");
            writer.update("insert into b (id, v) values (?, ?)", 1, "other");
            writer.update("update a set v = ? where id = ?", "second", 1);
            writer.batchUpdate("insert into a (id, v) values (?, ?)", List.of(new Object[] {2, "x"},
                    new Object[] {3, "y"}));
            writer.update("update a set v = v || '!' where id = ?", 1);
            seenInside.add(rows("a"));
            seenInside.add(writer.reading().queryForList("select id || '=' || v from a order by id", String.class));
            writer.update("delete from a where id = ?", 3);
        });
        assertThat(seenInside.get(0)).as("nothing written before the batch commits").isEmpty();
        assertThat(seenInside.get(1)).as("a read sees the batch so far").containsExactly("1=second!", "2=x", "3=y");
        assertThat(rows("a")).containsExactly("1=second!", "2=x");
        assertThat(rows("b")).containsExactly("1=other");
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        writer.update("insert into a (id, v) values (?, ?)", 1, "lost");
        batch.rollback();
        assertThat(rows("a")).isEmpty();
    }

    @Test
    void aFailingWriteFailsTheBatch() {
        assertThatThrownBy(() -> DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"))
                .execute(() -> {
                    writer.update("insert into a (id, v) values (?, ?)", 1, "one");
                    writer.update("insert into a (id, v) values (?, ?)", 1, "duplicate");
                })).isInstanceOf(RuntimeException.class);
    }

    @Test
    void withoutABatchEveryWriteRunsAtOnce() {
        writer.update("insert into a (id, v) values (?, ?)", 1, "now");
        assertThat(rows("a")).containsExactly("1=now");
    }

    @Test
    void onlySingleTableWritesAreAccepted() {
        assertThatThrownBy(() -> writer.update("select 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an insert, update or delete");
    }
}
