package org.ntmrecords.command.scorecard;

import org.ntmrecords.command.common.WriteSide;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.ntmrecords.command.common.SystemTasks;
import org.ntmrecords.events.EventMetadata;
import org.ntmrecords.events.criteria.CriteriaSetAmendedEvent;
import org.ntmrecords.events.criteria.CriteriaSetPublishedEvent;
import org.ntmrecords.events.scorecard.CriteriaSetVersionAdoptedEvent;
import org.ntmrecords.events.scorecard.UnitTrackedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import jakarta.annotation.PreDestroy;

/**
 * Brings every tracked unit's record to the version of its criteria set that applies today. An amendment
 * effective today or earlier is adopted as soon as it is published; one effective later is adopted on its date
 * (a check runs at start-up, after every amendment and at {@code ntm.criteria.adoption-check-interval}). Each
 * adoption is an {@link AdoptCriteriaSetVersionCommand} to the unit's scorecard, sent as the task
 * {@value #TASK} under the amendment's correlation id, and re-judges what the amendment changed.
 *
 * <p>Its registry (which scorecards track which set at which version, and when each version applies) is built
 * from the events by this process's own tracking processor, so it never reads the query side.
 */
@Component
@WriteSide
@ProcessingGroup(CriteriaSetAdoptionProcess.PROCESSING_GROUP)
public class CriteriaSetAdoptionProcess {
    public static final String PROCESSING_GROUP = "criteria-set-adoption";
    public static final String TASK = "criteria-set-adoption";
    private static final Logger LOG = LoggerFactory.getLogger(CriteriaSetAdoptionProcess.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final SystemTasks tasks;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "criteria-set-adoption");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    public CriteriaSetAdoptionProcess(JdbcTemplate jdbc, CommandGateway commands, SystemTasks tasks, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.tasks = tasks;
        this.clock = clock;
    }

    @EventHandler
    void on(UnitTrackedEvent event) {
        jdbc.update("""
                insert into process.tracked_scorecard (scorecard_id, set_id, version) values (?, ?, ?)
                on conflict (scorecard_id) do nothing""", event.scorecardId(), event.setId(), event.setVersion());
    }

    @EventHandler
    void on(CriteriaSetVersionAdoptedEvent event) {
        jdbc.update("update process.tracked_scorecard set version = greatest(version, ?) where scorecard_id = ?",
                event.version(), event.scorecardId());
    }

    @EventHandler
    void on(CriteriaSetPublishedEvent event, @MetaDataValue(EventMetadata.CORRELATION_ID) String correlationId) {
        version(event.definition().id(), event.definition().version(), event.definition().effectiveFrom(),
                correlationId);
    }

    @EventHandler
    void on(CriteriaSetAmendedEvent event, @MetaDataValue(EventMetadata.CORRELATION_ID) String correlationId) {
        version(event.setId(), event.version(), event.effectiveFrom(), correlationId);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> adoptDueLater());
        } else {
            adoptDueLater();
        }
    }

    private void version(String setId, int version, LocalDate effectiveFrom, String correlationId) {
        jdbc.update("""
                insert into process.set_version (set_id, version, effective_from, correlation_id) values (?, ?, ?, ?)
                on conflict (set_id, version) do nothing""", setId, version, Date.valueOf(effectiveFrom),
                correlationId);
    }

    @Scheduled(initialDelayString = "${ntm.criteria.adoption-initial-delay:PT5S}",
            fixedDelayString = "${ntm.criteria.adoption-check-interval:PT1M}")
    public void scheduledCheck() {
        adoptDueLater();
    }

    /** Queues a check on the process's worker thread; at most one check waits at a time. */
    public void adoptDueLater() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    adoptDue();
                } catch (RuntimeException e) {
                    LOG.warn("adopting criteria set versions failed; the next check retries", e);
                }
            });
        }
    }

    /** A scorecard behind the version of its set that applies today. */
    record Due(String scorecardId, int version, String correlationId) {
    }

    /**
     * Adopts every version that applies today into every scorecard still behind it.
     *
     * @return the number of scorecards moved
     */
    public synchronized int adoptDue() {
        List<Due> due = jdbc.query("""
                select t.scorecard_id, v.version, v.correlation_id
                from process.tracked_scorecard t
                join lateral (select version, correlation_id from process.set_version v
                              where v.set_id = t.set_id and v.effective_from <= ?
                              order by version desc limit 1) v on true
                where v.version > t.version
                order by t.scorecard_id""",
                (rs, i) -> new Due(rs.getString(1), rs.getInt(2), rs.getString(3)),
                Date.valueOf(LocalDate.now(clock)));
        int moved = 0;
        for (Due each : due) {
            try {
                tasks.run(TASK, each.correlationId(), () -> commands.sendAndWait(
                        new AdoptCriteriaSetVersionCommand(each.scorecardId(), each.version())));
                moved++;
            } catch (Exception e) {
                LOG.warn("could not adopt version {} into {}: {}", each.version(), each.scorecardId(), e.toString());
            }
        }
        if (moved > 0) {
            LOG.info("adopted the criteria set versions that apply today into {} tracked record(s)", moved);
        }
        return moved;
    }

    @PreDestroy
    public void shutdown() {
        worker.shutdownNow();
    }
}
