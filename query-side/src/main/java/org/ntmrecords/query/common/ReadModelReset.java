package org.ntmrecords.query.common;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Empties the read tables when the read-model processor is reset, so a replay rebuilds them from scratch. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class ReadModelReset {
    private final JdbcTemplate jdbc;

    public ReadModelReset(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    public void reset() {
        jdbc.execute("truncate " + String.join(", ", ReadModel.TABLES));
    }
}
