package org.ntmrecords.query.recognition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.common.Keyset;
import org.ntmrecords.query.common.QueryText;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Titles and certified standards whose validity runs out soon (or ran out), soonest first. */
@Repository
public class ExpiryReadRepository {
    static final int MAX_DAYS = 3_660;

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

    /** The order of the list: soonest last valid day first, then by id. */
    public static final List<String> EXPIRY_ORDER = List.of("x.valid_until", "x.id");

    /** Every title and certified standard with a validity period, as {@code (...) x}. */
    private static final String ITEMS = """
            (select 'TITLE' as kind, c.case_id as id, c.unit_code, c.set_id || ' (' || c.grade || ')' as subject,
                c.valid_until, c.lapsed, c.set_id, null as indicator_code, null as effect
             from read_model.recognition_case c
             where c.kind = 'RECOGNITION' and c.granted and c.revoked_by is null and c.valid_until is not null
             union all
             select 'STANDARD', s.certification_id, s.unit_code, s.subject || ': ' || s.standard, s.valid_until,
                s.lapsed, s.set_id, s.indicator_code, s.effect
             from read_model.certification s) x""";

    /**
     * A page of the titles and certified standards whose last valid day falls within {@code withinDays} (default 90)
     * from today, lapsed ones too with {@code includeLapsed}, of a unit, of the units under a district, or all; in
     * {@link #EXPIRY_ORDER} (keys: last valid day, id).
     */
    public List<ExpiringView> expiringSoon(Integer withinDays, String unitCode, String districtCode,
                                           Boolean includeLapsed, Keyset page) {
        LocalDate today = LocalDate.now(clock);
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(withinDays, unitCode, districtCode, includeLapsed, today, params);
        return page.inListOrder(jdbc.query("select * from " + ITEMS + " where " + where
                + page.condition(EXPIRY_ORDER, params) + page.orderAndLimit(EXPIRY_ORDER, params), params,
                (rs, n) -> item(rs, today)));
    }

    /** How many items the filters keep (every page of {@link #expiringSoon} together). */
    public long countExpiringSoon(Integer withinDays, String unitCode, String districtCode, Boolean includeLapsed) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = jdbc.queryForObject("select count(*) from " + ITEMS + " where "
                + where(withinDays, unitCode, districtCode, includeLapsed, LocalDate.now(clock), params), params,
                Long.class);
        return count == null ? 0 : count;
    }

    /** A certified standard as the list shows it (a mutation's payload reads back what it certified or renewed). */
    public Optional<ExpiringView> standard(String certificationId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.query("select * from " + ITEMS + " where x.kind = 'STANDARD' and x.id = :id",
                Map.of("id", certificationId), (rs, n) -> item(rs, today)).stream().findFirst();
    }

    private static String where(Integer withinDays, String unitCode, String districtCode, Boolean includeLapsed,
                                LocalDate today, MapSqlParameterSource params) {
        int days = withinDays == null ? 90 : withinDays;
        if (days < 0 || days > MAX_DAYS) {
            throw new InvalidArgumentException(QueryText.of("expiry.withinDays", String.valueOf(MAX_DAYS)));
        }
        params.addValue("until", java.sql.Date.valueOf(today.plusDays(days)))
                .addValue("today", java.sql.Date.valueOf(today));
        String where = "x.valid_until <= :until";
        if (unitCode != null) {
            where += " and x.unit_code = :unit";
            params.addValue("unit", Args.text("unitCode", unitCode));
        }
        if (districtCode != null) {
            where += " and (x.unit_code = :district or x.unit_code in"
                    + " (select u.code from read_model.unit u where u.parent_code = :district))";
            params.addValue("district", Args.text("districtCode", districtCode));
        }
        return where + (Boolean.TRUE.equals(includeLapsed) ? "" : " and not x.lapsed and x.valid_until >= :today");
    }

    private static ExpiringView item(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        LocalDate until = rs.getDate("valid_until").toLocalDate();
        return new ExpiringView(rs.getString("kind"), rs.getString("id"), rs.getString("unit_code"),
                rs.getString("subject"), until, ChronoUnit.DAYS.between(today, until), rs.getBoolean("lapsed"),
                rs.getString("set_id"), rs.getString("indicator_code"), rs.getString("effect"));
    }
}
