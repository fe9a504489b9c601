package org.ntmrecords.command.recognition;

import java.util.function.Predicate;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateScopeDescriptor;

/**
 * The repository of one kind of case. Recognition and revocation cases share the stored aggregate type
 * ({@code RecognitionCase}, as when one class carried both) and the stream prefix, so Axon alone would let either
 * class load either kind of stream — a lapse deadline of a recognition, for one, would also be offered to the
 * revocation cases. This repository loads, and answers deadlines for, only the streams of its own kind.
 */
public class CaseRepository<T extends CaseProcedure> extends EventSourcingRepository<T> {
    private final Predicate<String> owns;
    private final String kind;

    CaseRepository(Builder<T> builder, Predicate<String> owns, String kind) {
        super(builder);
        this.owns = owns;
        this.kind = kind;
    }

    /** The repository of recognition cases: every case stream but a revocation's. */
    public static CaseRepository<RecognitionCase> recognitions(Builder<RecognitionCase> builder) {
        return new CaseRepository<>(builder, id -> !RevocationCase.isRevocation(id), "recognition case");
    }

    /** The repository of revocation cases: the streams {@code …@R<year>}. */
    public static CaseRepository<RevocationCase> revocations(Builder<RevocationCase> builder) {
        return new CaseRepository<>(builder, RevocationCase::isRevocation, "revocation case");
    }

    /** Whether this repository's kind of case is stored in the stream. */
    public boolean owns(String streamId) {
        return owns.test(streamId);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        if (!owns(aggregateIdentifier)) {
            throw new AggregateNotFoundException(aggregateIdentifier,
                    aggregateIdentifier + " is not the stream of a " + kind);
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }

    @Override
    public boolean canResolve(ScopeDescriptor scope) {
        return super.canResolve(scope) && scope instanceof AggregateScopeDescriptor aggregate
                && owns(String.valueOf(aggregate.getIdentifier()));
    }
}
