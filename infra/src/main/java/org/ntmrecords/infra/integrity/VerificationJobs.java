package org.ntmrecords.infra.integrity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Store verifications started over the API: they run one at a time in the background and report their
 * progress while they run. Finished jobs are kept for the life of the process (the latest 50).
 */
@Component
public class VerificationJobs implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(VerificationJobs.class);
    private static final int KEPT = 50;

    private final StoreVerifier verifier;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "store-verification");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public VerificationJobs(StoreVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** A verification: who started it, when, how far it got, and its report once done. */
    public static final class Job {
        private final String id;
        private final String startedBy;
        private final Instant startedAt;
        private final AtomicReference<Status> status = new AtomicReference<>(Status.QUEUED);
        private final AtomicReference<StoreVerifier.Progress> progress =
                new AtomicReference<>(new StoreVerifier.Progress(0, 0));
        private volatile StoreVerifier.Report report;
        private volatile Message failure;

        Job(String id, String startedBy, Instant startedAt) {
            this.id = id;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }

        public String id() {
            return id;
        }

        public String startedBy() {
            return startedBy;
        }

        public Instant startedAt() {
            return startedAt;
        }

        public Status status() {
            return status.get();
        }

        public long checked() {
            return progress.get().checked();
        }

        public long total() {
            return progress.get().total();
        }

        public StoreVerifier.Report report() {
            return report;
        }

        /** Why a FAILED verification stopped, for a reader (the error itself is in the service's log). */
        public Message failure() {
            return failure;
        }
    }

    public Job start(String startedBy) {
        return start(startedBy, java.util.List.of());
    }

    /** @param supplied checkpoints the caller holds, checked like a witness's */
    public Job start(String startedBy, java.util.List<HashChain.Checkpoint> supplied) {
        Job job = new Job(UUID.randomUUID().toString(), startedBy, clock.instant());
        if (jobs.size() >= KEPT) {
            jobs.values().stream().filter(j -> j.status() == Status.DONE || j.status() == Status.FAILED)
                    .min(java.util.Comparator.comparing(Job::startedAt)).ifPresent(old -> jobs.remove(old.id()));
        }
        jobs.put(job.id(), job);
        executor.submit(() -> {
            job.status.set(Status.RUNNING);
            try {
                job.report = verifier.verify(job.progress::set, supplied);
                job.status.set(Status.DONE);
            } catch (RuntimeException e) {
                log.error("Store verification {} failed", job.id(), e);
                job.failure = ApiText.of("integrity.verify.failed");
                job.status.set(Status.FAILED);
            }
        });
        return job;
    }

    /** The verification started last, if any. */
    public java.util.Optional<Job> latest() {
        return jobs.values().stream().max(java.util.Comparator.comparing(Job::startedAt));
    }

    public Job find(String id) {
        return id == null ? null : jobs.get(id);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
