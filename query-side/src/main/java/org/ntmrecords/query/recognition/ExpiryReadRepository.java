package org.ntmrecords.query.recognition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Titles and certified standards whose validity runs out soon (or ran out), soonest first. */
@Repository
public class ExpiryReadRepository {
    static final int MAX_DAYS = 3_660;
    static final int MAX_ROWS = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public ExpiryReadRepository(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One item with a validity period: a granted title ({@code TITLE}, {@code caseId}) or a certified standard
     * ({@code STANDARD}, {@code certificationId}, the indicator resting on it and what a lapse does to it).
     */
    public record ExpiringView(String kind, String id, String unitCode, String subject, LocalDate validUntil,
                               long daysLeft, boolean lapsed, String setId, String indicatorCode, String lapseEffect) {
    }

    public List<ExpiringView> expiringSoon(Integer withinDays, String unitCode,
                                           String districtCode, Boolean includeLapsed) {
        int days = withinDays == null ? 90 : withinDays;
        if (days < 0 || days > MAX_DAYS) {
            throw new InvalidArgumentException("withinDays is from 0 to " + MAX_DAYS);
        }
        LocalDate today = LocalDate.now(clock);
        MapSqlParameterSource params = new MapSqlParameterSource("until", java.sql.Date.valueOf(today.plusDays(days)))
                .addValue("today", java.sql.Date.valueOf(today)).addValue("limit", MAX_ROWS);
        String unit = "true";
        if (unitCode != null) {
            unit = "x.unit_code = :unit";
            params.addValue("unit", Args.text("unitCode", unitCode));
        }
        if (districtCode != null) {
            unit += " and (x.unit_code = :district or x.unit_code in"
                    + " (select u.code from read_model.unit u where u.parent_code = :district))";
            params.addValue("district", Args.text("districtCode", districtCode));
        }
        String lapsed = Boolean.TRUE.equals(includeLapsed) ? "" : " and not x.lapsed and x.valid_until >= :today";
        return jdbc.query("""
                select * from (
                    select 'TITLE' as kind, c.case_id as id, c.unit_code, c.set_id || ' (' || c.grade || ')' as subject,
                        c.valid_until, c.lapsed, c.set_id, null as indicator_code, null as effect
                    from read_model.recognition_case c
                    where c.kind = 'RECOGNITION' and c.granted and c.revoked_by is null and c.valid_until is not null
                    union all
                    select 'STANDARD', s.certification_id, s.unit_code, s.subject || ': ' || s.standard, s.valid_until,
                        s.lapsed, s.set_id, s.indicator_code, s.effect
                    from read_model.certification s
                ) x where x.valid_until <= :until and\s""" + unit + lapsed
                + " order by x.valid_until, x.id limit :limit", params,
                (rs, n) -> {
                    LocalDate until = rs.getDate("valid_until").toLocalDate();
                    return new ExpiringView(rs.getString("kind"), rs.getString("id"), rs.getString("unit_code"),
                            rs.getString("subject"), until, ChronoUnit.DAYS.between(today, until),
                            rs.getBoolean("lapsed"), rs.getString("set_id"), rs.getString("indicator_code"),
                            rs.getString("effect"));
                });
    }
}
