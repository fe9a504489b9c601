package org.ntmrecords.infra.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** Reading event rows as stored, for sealing checks and the chain. */
final class StoredEvents {
    static final String COLUMNS = """
            e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.time_stamp,
            e.payload_type, e.payload_revision, e.payload, e.meta_data""";

    static final RowMapper<CanonicalEvent> ROW = StoredEvents::map;

    private StoredEvents() {
    }

    static CanonicalEvent map(ResultSet rs, int n) throws SQLException {
        return new CanonicalEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                rs.getBytes("payload"), rs.getBytes("meta_data"));
    }
}
