package org.ntmrecords.infra.bench.crud;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

public interface IndicatorValueRows extends JpaRepository<IndicatorValueRow, Long> {
    /** Locked for the change, as the event-sourced side serialises the commands of one scorecard. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<IndicatorValueRow> findByScorecardIdAndIndicatorCode(String scorecardId, String indicatorCode);
}
