package org.ntmrecords.infra.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether every evidence file the event store names is in the evidence directory, unchanged: after a restore, the
 * check that the files came back with the database ({@code verify-store}, docs/operations.md). The names come from
 * the stored events themselves ({@code EvidenceAttachedEvent}), not from a read table.
 */
@org.springframework.stereotype.Component
public class EvidenceFilesCheck {
    private final JdbcTemplate jdbc;
    private final EvidenceStore files;

    public EvidenceFilesCheck(JdbcTemplate jdbc, EvidenceStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /**
     * @param named   distinct files the events name
     * @param missing those not in the directory
     * @param changed those whose content no longer has their hash
     */
    public record Result(int named, List<String> missing, List<String> changed) {
        public boolean complete() {
            return missing.isEmpty() && changed.isEmpty();
        }
    }

    public Result check() {
        List<String> named = jdbc.queryForList("""
                select distinct convert_from(e.payload, 'UTF8')::jsonb #>> '{file,sha256}'
                from event_store.domain_event_entry e
                where e.payload_type = 'org.ntmrecords.events.evidence.EvidenceAttachedEvent'
                  and convert_from(e.payload, 'UTF8')::jsonb #>> '{file,sha256}' is not null
                order by 1""", String.class);
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String sha256 : named) {
            try {
                if (files.find(sha256).isEmpty()) {
                    missing.add(sha256);
                }
            } catch (EvidenceStore.IntegrityException e) {
                changed.add(sha256);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Result(named.size(), List.copyOf(missing), List.copyOf(changed));
    }
}
