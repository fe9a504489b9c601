package org.ntmrecords.infra.api;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.LegalBasis;
import org.ntmrecords.events.scorecard.Period;

/** GraphQL input shapes shared by several mutations, and their conversion to the record's value types. */
public final class GraphQlInputs {
    private GraphQlInputs() {
    }

    public record DocumentRefInput(String number, LocalDate date, String issuer, String title) {
        public DocumentRef toRef() {
            return new DocumentRef(number == null ? "" : number, date, issuer, title);
        }
    }

    public record LegalBasisInput(String decision, LocalDate date, String issuer, String signer) {
        public LegalBasis toBasis() {
            return new LegalBasis(decision == null ? "" : decision, date, issuer, signer);
        }
    }

    public record PeriodInput(LocalDate start, LocalDate end) {
        /** A period from {@code start} to {@code end}; a single date when {@code end} is omitted. */
        public Period toPeriod(String field) {
            if (start == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_PERIOD, field + ".start",
                        ApiText.of("input.periodStart"));
            }
            LocalDate last = end == null ? start : end;
            if (last.isBefore(start)) {
                throw new CommandRejectedException(RejectionCode.INVALID_PERIOD, field + ".end",
                        ApiText.of("input.periodEnds", last, start));
            }
            return new Period(start, last);
        }
    }

    public static DocumentRef ref(DocumentRefInput input) {
        return input == null ? null : input.toRef();
    }

    public static List<DocumentRef> refs(List<DocumentRefInput> inputs) {
        return inputs == null ? List.of() : inputs.stream().map(i -> i == null ? null : i.toRef()).toList();
    }
}
