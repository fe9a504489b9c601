package org.ntmrecords.infra.bench.crud;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/** The CRUD way: one row per indicator of a scorecard holding its current value, every change audited by Envers. */
@Entity
@Audited
@Table(name = "indicator_value", uniqueConstraints = @UniqueConstraint(columnNames = {"scorecard_id", "indicator_code"}))
public class IndicatorValueRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "scorecard_id", nullable = false, length = 200)
    private String scorecardId;
    @Column(name = "indicator_code", nullable = false, length = 20)
    private String indicatorCode;
    private boolean achieved;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private String sourceAgency;
    private String updatedBy;
    private String correlationId;
    private Instant updatedAt;

    protected IndicatorValueRow() {
    }

    IndicatorValueRow(String scorecardId, String indicatorCode) {
        this.scorecardId = scorecardId;
        this.indicatorCode = indicatorCode;
    }

    void change(boolean achieved, LocalDate start, LocalDate end, String sourceAgency, String actor,
                String correlationId, Instant at) {
        this.achieved = achieved;
        this.periodStart = start;
        this.periodEnd = end;
        this.sourceAgency = sourceAgency;
        this.updatedBy = actor;
        this.correlationId = correlationId;
        this.updatedAt = at;
    }
}
